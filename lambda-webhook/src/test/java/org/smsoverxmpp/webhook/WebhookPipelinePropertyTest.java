package org.smsoverxmpp.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.smsoverxmpp.events.QueueEvent;
import org.smsoverxmpp.webhook.http.FormBody;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.http.WebhookRequest;
import org.smsoverxmpp.webhook.provider.Received;
import org.smsoverxmpp.webhook.twilio.FixedSecret;
import org.smsoverxmpp.webhook.twilio.TwilioFormFixtures;
import org.smsoverxmpp.webhook.twilio.TwilioSecret;
import org.smsoverxmpp.webhook.twilio.TwilioSignatures;
import org.smsoverxmpp.webhook.twilio.TwilioWebhooks;

/**
 * The webhook form is where strangers' bytes enter: whatever the body holds, once Twilio has signed it,
 * the outcome is an event that keeps every documented rule (and survives the queue's codec), or a
 * refusal with a 4xx. Never another exception, which the handler would answer with a 500.
 *
 * <p>Bodies are random bytes, or Twilio's forms with any field replaced by any text (all of
 * U+0000-U+10FFFF, lone surrogates, very long values, near misses) and every character spelled at random:
 * as it is, percent-encoded in upper or lower case, a space as {@code +}; with stray bytes and broken
 * escapes mixed in. Each is signed over the form as it parses, as Twilio would have signed it.
 */
class WebhookPipelinePropertyTest {
    static final String ACCOUNT = "AC66666666666666666666666666666666";
    static final String TOKEN = "pipeline-token";
    static final String BASE = "https://abc123.execute-api.us-east-1.amazonaws.com/prod";
    static final List<String> FIELDS = List.of("MessageSid", "SmsMessageSid", "SmsSid", "AccountSid", "From", "To",
            "Body", "NumMedia", "MediaUrl0", "MediaContentType0", "MediaUrl1", "MessageStatus", "ErrorCode", "X");

    private final WebhookService service = new WebhookService(List.of(new TwilioWebhooks(new TwilioSecret(
            new FixedSecret(ACCOUNT, TOKEN), "twilio", Duration.ofHours(1), Clock.systemUTC()), Optional.empty())),
            event -> { }, 256 * 1024, Clock.systemUTC());

    @Property(tries = 3_000)
    void randomBytesBecomeAnEventWithinTheRulesOrA4xx(@ForAll("routes") String route,
            @ForAll("randomBytes") byte[] body) throws Exception {
        String outcome = outcome(route, body);

        Statistics.label("outcome").collect(outcome);
    }

    @Property(tries = 10_000)
    void twilioFormsWithAnyFieldsBecomeAnEventWithinTheRulesOrA4xx(@ForAll("routes") String route,
            @ForAll("fields") Map<String, String> replaced, @ForAll Random spelling) throws Exception {
        Map<String, String> form = route.equals(TwilioWebhooks.SMS_ROUTE) ? sms() : TwilioFormFixtures.status(ACCOUNT);
        form.putAll(replaced);

        String outcome = outcome(route, spell(form, spelling));

        Statistics.label("outcome").collect(outcome);
        // Both outcomes must come up often, or the property would prove little.
        Statistics.label("outcome").coverage(outcomes -> {
            outcomes.check("accepted").percentage(p -> p > 10);
            outcomes.check("400").percentage(p -> p > 10);
        });
    }

    /** Runs the body through the service; fails on anything but a rule-abiding event or a 4xx. */
    private String outcome(String route, byte[] body) throws Exception {
        Map<String, String> parsed;
        try {
            parsed = FormBody.parse(body);
        } catch (WebhookRejection rejection) {
            assertThat(rejection.status()).isBetween(400, 499);
            return Integer.toString(rejection.status());
        }
        String url = BASE + route;
        WebhookRequest request = new WebhookRequest("POST", route, url,
                Map.of("Content-Type", "application/x-www-form-urlencoded",
                        "X-Twilio-Signature", TwilioSignatures.of(TOKEN, url, parsed)), body);
        try {
            QueueEvent event = ((Received.Event) service.accept(request)).event();
            ContractAssertions.assertKeepsTheContract(event, "twilio");
            return "accepted";
        } catch (WebhookRejection rejection) {
            assertThat(rejection.status()).as(rejection.getMessage()).isBetween(400, 499);
            return Integer.toString(rejection.status());
        }
    }

    /** An MMS, so that the media rules are reached when a field is replaced. */
    private static Map<String, String> sms() {
        Map<String, String> form = TwilioFormFixtures.sms(ACCOUNT);
        form.put("NumMedia", "1");
        form.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC6/Messages/MM6/Media/ME6");
        form.put("MediaContentType0", "image/jpeg");
        return form;
    }

    /** The form as bytes, each character spelled one of the ways a client may, with some stray bytes. */
    private static byte[] spell(Map<String, String> form, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean first = true;
        for (Map.Entry<String, String> field : form.entrySet()) {
            if (!first) {
                out.write('&');
            }
            first = false;
            spell(field.getKey(), random, out);
            out.write('=');
            spell(field.getValue(), random, out);
            if (random.nextInt(50) == 0) {
                byte[] stray = new byte[1 + random.nextInt(4)];
                random.nextBytes(stray);
                out.writeBytes(stray);
            }
            if (random.nextInt(50) == 0) {
                out.writeBytes(random.nextBoolean() ? "%".getBytes(StandardCharsets.US_ASCII)
                        : "%G1".getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }

    private static void spell(String text, Random random, ByteArrayOutputStream out) {
        text.codePoints().forEach(codePoint -> {
            byte[] bytes = utf8(codePoint);
            boolean mustEncode = codePoint == '&' || codePoint == '=' || codePoint == '%' || codePoint == '+';
            if (codePoint == ' ' && random.nextBoolean()) {
                out.write('+');
            } else if (!mustEncode && random.nextInt(3) == 0) {
                out.writeBytes(bytes);
            } else {
                String hex = random.nextBoolean() ? "0123456789ABCDEF" : "0123456789abcdef";
                for (byte b : bytes) {
                    out.write('%');
                    out.write(hex.charAt((b >> 4) & 0xf));
                    out.write(hex.charAt(b & 0xf));
                }
            }
        });
    }

    /** UTF-8, except that a lone surrogate is written as its three bytes, as a careless client might. */
    private static byte[] utf8(int codePoint) {
        if (Character.isSurrogate((char) codePoint) && codePoint <= Character.MAX_VALUE) {
            return new byte[] {(byte) (0xE0 | (codePoint >> 12)), (byte) (0x80 | ((codePoint >> 6) & 0x3F)),
                    (byte) (0x80 | (codePoint & 0x3F))};
        }
        return new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<String> routes() {
        return Arbitraries.of(TwilioWebhooks.SMS_ROUTE, TwilioWebhooks.STATUS_ROUTE);
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
    }

    @Provide
    Arbitrary<Map<String, String>> fields() {
        return Arbitraries.maps(Arbitraries.of(FIELDS), HostileText.anyText()).ofMaxSize(3);
    }
}
