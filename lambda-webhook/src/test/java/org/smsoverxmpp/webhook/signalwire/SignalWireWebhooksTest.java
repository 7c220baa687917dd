package org.smsoverxmpp.webhook.signalwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.events.DeliveryStatus;
import org.smsoverxmpp.events.InboundSms;
import org.smsoverxmpp.events.MessageStatus;
import org.smsoverxmpp.events.QueueEvent;
import org.smsoverxmpp.webhook.WebhookService;
import org.smsoverxmpp.webhook.http.WebhookRequest;
import org.smsoverxmpp.webhook.http.WebhookResponse;
import org.smsoverxmpp.webhook.provider.ProviderResources;
import org.smsoverxmpp.webhook.provider.WebhookProvider;
import org.smsoverxmpp.webhook.secrets.SecretSource;
import org.smsoverxmpp.webhook.twilio.FixedSecret;
import org.smsoverxmpp.webhook.twilio.TwilioFormFixtures;
import org.smsoverxmpp.webhook.twilio.TwilioSecret;
import org.smsoverxmpp.webhook.twilio.TwilioSignatures;
import org.smsoverxmpp.webhook.twilio.TwilioWebhooks;

/** SignalWire's LaML webhooks: Twilio's forms, signed with the project's signing key, for the project only. */
class SignalWireWebhooksTest {
    static final String PROJECT = "8f1c2b7e-3d4a-4b5c-9e6f-0a1b2c3d4e5f";
    static final String SIGNING_KEY = "PSK_signalwire_signing_key";
    static final String TWILIO_ACCOUNT = "AC11111111111111111111111111111111";
    static final String TWILIO_TOKEN = "twilio-token";
    static final String BASE = "https://abc.execute-api.us-east-1.amazonaws.com/prod";
    static final String MESSAGE_SID = "b3877c40-da60-4998-90ad-b792e98472af";
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final List<QueueEvent> enqueued = new ArrayList<>();
    private final SignalWireWebhooks signalWire = new SignalWireWebhooks(
            SecretSource.fixed(new SignalWireCredentials(PROJECT, SIGNING_KEY)));
    private final WebhookService service = new WebhookService(List.of(signalWire, new TwilioWebhooks(
            new TwilioSecret(new FixedSecret(TWILIO_ACCOUNT, TWILIO_TOKEN), "twilio", Duration.ofMinutes(5),
                    Clock.systemUTC()), Optional.empty())), enqueued::add, 65536, Clock.fixed(NOW, ZoneOffset.UTC));

    /** SignalWire posts Twilio's forms, with its own ids. */
    static Map<String, String> sms() {
        Map<String, String> form = TwilioFormFixtures.sms(PROJECT);
        form.put("MessageSid", MESSAGE_SID);
        form.put("Body", "hi from SignalWire");
        return form;
    }

    static Map<String, String> status(String word) {
        Map<String, String> form = TwilioFormFixtures.status(PROJECT);
        form.put("MessageSid", MESSAGE_SID);
        form.put("MessageStatus", word);
        form.put("ErrorCode", "30003");
        form.put("From", TwilioFormFixtures.OUR_NUMBER);
        form.put("To", TwilioFormFixtures.THEIR_NUMBER);
        return form;
    }

    private WebhookResponse post(String route, Map<String, String> form, String header, String key) {
        String url = BASE + route;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put(header, TwilioSignatures.of(key, url, form));
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return service.handle(new WebhookRequest("POST", route, url, headers, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void smsSignedWithTheSigningKeyIsQueuedAsSignalWires() {
        WebhookResponse response = post("/signalwire/sms", sms(), "X-SignalWire-Signature", SIGNING_KEY);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("<Response/>");
        assertThat(enqueued).containsExactly(new InboundSms("signalwire", MESSAGE_SID, TwilioFormFixtures.THEIR_NUMBER,
                TwilioFormFixtures.OUR_NUMBER, "hi from SignalWire", List.of(), NOW));
        assertThat(enqueued.get(0).deduplicationId()).isEqualTo("signalwire:" + MESSAGE_SID);
    }

    @Test
    void theSameSignatureInTwiliosHeaderIsAcceptedWhenSignalWiresIsAbsent() {
        assertThat(post("/signalwire/sms", sms(), "X-Twilio-Signature", SIGNING_KEY).status()).isEqualTo(200);
    }

    @Test
    void statusCallbackBecomesADeliveryStatusInTheContractsWords() {
        assertThat(post("/signalwire/status", status("undelivered"), "X-SignalWire-Signature", SIGNING_KEY).status())
                .isEqualTo(200);

        assertThat(enqueued).containsExactly(new DeliveryStatus("signalwire", MESSAGE_SID, MessageStatus.UNDELIVERED,
                "30003", null, TwilioFormFixtures.OUR_NUMBER, TwilioFormFixtures.THEIR_NUMBER, NOW));
    }

    @Test
    void aSignatureByAnyOtherKeyIsForbidden() {
        assertThat(post("/signalwire/sms", sms(), "X-SignalWire-Signature", "not-the-key").status()).isEqualTo(403);
        assertThat(post("/signalwire/sms", sms(), "X-SignalWire-Signature", TWILIO_TOKEN).status()).isEqualTo(403);
        assertThat(enqueued).isEmpty();
    }

    @Test
    void anotherProjectIsForbiddenEvenWhenSignedWithOurKey() {
        Map<String, String> form = sms();
        form.put("AccountSid", "00000000-0000-4000-8000-000000000000");

        WebhookResponse response = post("/signalwire/sms", form, "X-SignalWire-Signature", SIGNING_KEY);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("AccountSid");
    }

    @Test
    void unsignedIsForbiddenNamingSignalWiresHeader() {
        WebhookResponse response = service.handle(new WebhookRequest("POST", "/signalwire/sms", BASE + "/signalwire/sms",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "Body=x".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("X-SignalWire-Signature");
    }

    @Test
    void eachProviderKeepsToItsOwnRoutes() {
        Map<String, String> twilioForm = sms();
        twilioForm.put("AccountSid", TWILIO_ACCOUNT);

        assertThat(post("/signalwire/sms", twilioForm, "X-Twilio-Signature", TWILIO_TOKEN).status()).isEqualTo(403);
        assertThat(post("/twilio/sms", sms(), "X-SignalWire-Signature", SIGNING_KEY).status()).isEqualTo(403);
        assertThat(post("/twilio/sms", twilioForm, "X-Twilio-Signature", TWILIO_TOKEN).status()).isEqualTo(200);
        assertThat(enqueued).singleElement().extracting(QueueEvent::provider).isEqualTo("twilio");
    }

    @Test
    void primingRunsSignedFormsThroughTheRealKeysCheck() throws Exception {
        List<QueueEvent> primed = signalWire.prime(5);

        assertThat(primed).hasSize(5).allSatisfy(event -> assertThat(event.provider()).isEqualTo("signalwire"));
    }

    @Test
    void theSecretNeedsAProjectAndASigningKeyAndIsNeverQuoted() throws Exception {
        FixedSecret secrets = new FixedSecret(TWILIO_ACCOUNT, "unused");
        WebhookProvider provider = SignalWireWebhooks.SETUP.create().apply(new ProviderResources(secrets,
                "sms-over-xmpp/signalwire/webhook", Duration.ofMinutes(5), Optional.empty(), Clock.systemUTC()));

        secrets.value = "{\"projectId\":\"" + PROJECT + "\",\"signingKey\":\"\"}";
        assertThatThrownBy(provider::readSecret).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("signalwire/webhook").hasMessageContaining("signingKey");
        secrets.value = "{\"projectId\":\"" + PROJECT + "\",\"signingKey\":\"PSK_secret\"";
        assertThatThrownBy(provider::readSecret).hasMessageNotContaining("PSK_secret");

        secrets.value = "{\"projectId\":\"" + PROJECT + "\",\"signingKey\":\"PSK_secret\"}";
        provider.readSecret();
        assertThat(new SignalWireCredentials(PROJECT, "PSK_secret").toString()).doesNotContain("PSK_secret");
    }
}
