package org.smsoverxmpp.webhook.telnyx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.events.DeliveryStatus;
import org.smsoverxmpp.events.InboundSms;
import org.smsoverxmpp.events.QueueEvent;
import org.smsoverxmpp.webhook.WebhookService;
import org.smsoverxmpp.webhook.http.WebhookRequest;
import org.smsoverxmpp.webhook.http.WebhookResponse;
import org.smsoverxmpp.webhook.provider.ProviderResources;
import org.smsoverxmpp.webhook.provider.WebhookProvider;
import org.smsoverxmpp.webhook.twilio.FixedSecret;

/** Telnyx's one route, as the service and the function's wiring use it. */
class TelnyxWebhooksTest {
    static final KeyPair TELNYX = TelnyxRequestSigner.newKeyPair();
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final FixedSecret secrets = secrets("{\"publicKey\":\"" + TelnyxRequestSigner.portalForm(TELNYX.getPublic())
            + "\"}");
    private final WebhookProvider telnyx = TelnyxWebhooks.SETUP.create().apply(new ProviderResources(secrets,
            "sms-over-xmpp/telnyx/webhook", Duration.ofMinutes(5), Optional.empty(), CLOCK));
    private final List<QueueEvent> enqueued = new ArrayList<>();
    private final WebhookService service = new WebhookService(List.of(telnyx), enqueued::add, 65536, CLOCK);

    static FixedSecret secrets(String json) {
        FixedSecret secrets = new FixedSecret("AC0", "unused");
        secrets.value = json;
        return secrets;
    }

    static WebhookRequest post(String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>(TelnyxRequestSigner.headers(TELNYX.getPrivate(), NOW, body));
        headers.put("Content-Type", contentType);
        return new WebhookRequest("POST", "/telnyx/events", "https://x.example/prod/telnyx/events", headers, body);
    }

    @Test
    void everyMessageEventArrivesAtOneRouteAndIsAnswered200() {
        WebhookResponse sms = service.handle(post("application/json", TelnyxPayloads.bytes(TelnyxPayloads.received())));
        WebhookResponse status = service.handle(post("application/json; charset=utf-8",
                TelnyxPayloads.bytes(TelnyxPayloads.status("message.finalized", "delivered"))));

        assertThat(sms.status()).isEqualTo(200);
        assertThat(status).isEqualTo(sms);
        assertThat(enqueued).hasSize(2).first().isInstanceOf(InboundSms.class);
        assertThat(enqueued.get(1)).isInstanceOf(DeliveryStatus.class);
    }

    @Test
    void anEventTheGatewayHasNoUseForIsAnswered200AndQueuesNothing() {
        byte[] call = "{\"data\":{\"event_type\":\"call.initiated\",\"payload\":{}}}".getBytes(StandardCharsets.UTF_8);

        assertThat(service.handle(post("application/json", call)).status()).isEqualTo(200);
        assertThat(enqueued).isEmpty();
    }

    @Test
    void aFormIsTheWrongMediaTypeAndTwiliosRoutesAreNotEnabled() {
        byte[] body = TelnyxPayloads.bytes(TelnyxPayloads.received());

        assertThat(service.handle(post("application/x-www-form-urlencoded", body)).status()).isEqualTo(415);
        assertThat(service.handle(new WebhookRequest("POST", "/twilio/sms", "https://x.example/twilio/sms",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), new byte[0])).status()).isEqualTo(404);
        assertThat(service.handle(new WebhookRequest("POST", "/sms", "https://x.example/sms",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), new byte[0])).status()).isEqualTo(404);
    }

    @Test
    void aPlaceholderKeyLetsTheFunctionStartAndTelnyxIsAnswered503UntilItIsSet() throws Exception {
        FixedSecret placeholder = secrets("{\"publicKey\":\"REPLACE_WITH_TELNYX_PUBLIC_KEY\"}");
        WebhookProvider unconfigured = TelnyxWebhooks.SETUP.create().apply(new ProviderResources(placeholder,
                "sms-over-xmpp/telnyx/webhook", Duration.ofMinutes(5), Optional.empty(), CLOCK));
        unconfigured.readSecret();
        WebhookService waiting = new WebhookService(List.of(unconfigured), enqueued::add, 65536, CLOCK);

        WebhookResponse response = waiting.handle(post("application/json", TelnyxPayloads.bytes(TelnyxPayloads.received())));

        assertThat(response.status()).isEqualTo(503);
        assertThat(enqueued).isEmpty();
    }

    @Test
    void primingRunsBothKindsOfEventThroughAThrowawayKeyAndTheRealRouteStillTrustsOnlyTelnyx() throws Exception {
        List<QueueEvent> primed = telnyx.prime(10);

        assertThat(primed).hasSize(10).allSatisfy(event -> assertThat(event.provider()).isEqualTo("telnyx"));
        assertThat(primed).hasAtLeastOneElementOfType(InboundSms.class).hasAtLeastOneElementOfType(DeliveryStatus.class);
        KeyPair forger = TelnyxRequestSigner.newKeyPair();
        byte[] body = TelnyxPayloads.bytes(TelnyxPayloads.received());
        Map<String, String> headers = new LinkedHashMap<>(TelnyxRequestSigner.headers(forger.getPrivate(), NOW, body));
        headers.put("Content-Type", "application/json");
        assertThat(service.handle(new WebhookRequest("POST", "/telnyx/events", "https://x.example/telnyx/events",
                headers, body)).status()).isEqualTo(403);
    }

    @Test
    void readingTheSecretReadsItNow() throws Exception {
        telnyx.readSecret();
        int before = secrets.reads.get();

        telnyx.readSecret();

        assertThat(secrets.reads.get()).isEqualTo(before + 1);
    }
}
