package org.smsoverxmpp.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.smsoverxmpp.events.DeliveryStatus;
import org.smsoverxmpp.events.EventCodec;
import org.smsoverxmpp.events.InboundSms;
import org.smsoverxmpp.events.Media;
import org.smsoverxmpp.events.QueueEvent;
import org.smsoverxmpp.events.SmsAddress;
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
    static final Pattern SID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    static final List<String> FIELDS = List.of("MessageSid", "SmsMessageSid", "SmsSid", "AccountSid", "From", "To",
            "Body", "NumMedia", "MediaUrl0", "MediaContentType0", "MediaUrl1", "MessageStatus", "ErrorCode", "X");

    private final EventCodec codec = new EventCodec();
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
            assertKeepsTheRules(event);
            assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
            return "accepted";
        } catch (WebhookRejection rejection) {
            assertThat(rejection.status()).as(rejection.getMessage()).isBetween(400, 499);
            return Integer.toString(rejection.status());
        }
    }

    private static void assertKeepsTheRules(QueueEvent event) {
        assertThat(event.messageId()).matches(SID);
        if (event instanceof InboundSms sms) {
            assertThat(sms.provider()).isEqualTo("twilio");
            assertThat(SmsAddress.parse(sms.from())).isInstanceOf(SmsAddress.class);
            assertThat(SmsAddress.parse(sms.to())).isInstanceOf(SmsAddress.Phone.class);
            assertThat(sms.body().codePointCount(0, sms.body().length())).isLessThanOrEqualTo(1600);
            assertThat(sms.media()).hasSizeLessThanOrEqualTo(10);
            for (Media media : sms.media()) {
                URI url = URI.create(media.url());
                assertThat(url.getScheme()).matches("(?i)https?");
                assertThat(url.getHost()).isNotNull();
            }
        } else {
            DeliveryStatus status = (DeliveryStatus) event;
            assertThat(status.provider()).isEqualTo("twilio");
            assertThat(status.status()).isNotNull();
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
        return Arbitraries.maps(Arbitraries.of(FIELDS), anyText()).ofMaxSize(3);
    }

    private static Arbitrary<String> anyText() {
        Arbitrary<Integer> anyCodePoint = Arbitraries.integers().between(0, Character.MAX_CODE_POINT);
        Arbitrary<String> anything = anyCodePoint.list().ofMaxSize(30).map(WebhookPipelinePropertyTest::text);
        Arbitrary<String> veryLong = anyCodePoint.list().ofMinSize(1_500).ofMaxSize(5_000)
                .map(WebhookPipelinePropertyTest::text);
        Arbitrary<String> nearTheLongestBody = Arbitraries.integers().between(1_590, 1_610)
                .flatMap(n -> Arbitraries.of("x", "é", "😀").map(c -> c.repeat(n)));
        Arbitrary<String> plusDigits = Arbitraries.strings().numeric().ofMaxLength(18).map(d -> "+" + d);
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMaxLength(10);
        Arbitrary<String> senderish = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z')
                .withCharRange('0', '9').withChars(" -_.&+@é\u0000").ofMaxLength(13);
        Arbitrary<String> urlish = Arbitraries.of("https://api.twilio.com/M/ME1", "http://m.example:8080/a?b=c",
                "ftp://m.example/x", "/relative", "https://", "https:///x", "http:opaque", "javascript:alert(1)", "https://h/é", "HTTPS://H/x", "1", "2");
        return Arbitraries.frequencyOf(Tuple.of(4, anything), Tuple.of(1, veryLong), Tuple.of(2, nearTheLongestBody),
                Tuple.of(3, plusDigits),
                Tuple.of(2, digits), Tuple.of(3, senderish), Tuple.of(2, urlish));
    }

    private static String text(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint); // a code point in D800-DFFF becomes a lone surrogate
        return text.toString();
    }
}
