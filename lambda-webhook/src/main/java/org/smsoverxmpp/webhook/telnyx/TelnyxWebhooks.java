package org.smsoverxmpp.webhook.telnyx;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smsoverxmpp.events.QueueEvent;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.http.WebhookRequest;
import org.smsoverxmpp.webhook.provider.ProviderResources;
import org.smsoverxmpp.webhook.provider.ProviderSetup;
import org.smsoverxmpp.webhook.provider.Received;
import org.smsoverxmpp.webhook.provider.WebhookProvider;
import org.smsoverxmpp.webhook.provider.WebhookRoute;
import org.smsoverxmpp.webhook.secrets.CachedSecret;
import org.smsoverxmpp.webhook.secrets.SecretSource;

/**
 * Telnyx: every message event at {@value #EVENTS_ROUTE}, JSON signed with Telnyx's Ed25519 key; the webhook secret
 * holds the public key ({@code {"publicKey": "<base64>"}}). Enabled by {@code TELNYX_SECRET_ID}.
 */
public final class TelnyxWebhooks implements WebhookProvider {
    public static final String NAME = "telnyx";
    public static final String EVENTS_ROUTE = "/telnyx/events";
    public static final ProviderSetup SETUP = new ProviderSetup("TELNYX_SECRET_ID", TelnyxWebhooks::create);

    private final SecretSource<TelnyxPublicKey> key;
    private final Clock clock;
    private final TelnyxRoute events;

    public TelnyxWebhooks(SecretSource<TelnyxPublicKey> key, Clock clock) {
        this.key = key;
        this.clock = clock;
        this.events = new TelnyxRoute(EVENTS_ROUTE, new TelnyxSignature(key, clock));
    }

    /** An unusable key does not stop the function: Telnyx's requests are answered 503 until it is fixed. */
    static WebhookProvider create(ProviderResources resources) {
        return new TelnyxWebhooks(new CachedSecret<>(resources.secrets(), resources.secretId(), resources.secretMaxAge(),
                resources.clock(), "a JSON object with publicKey",
                json -> TelnyxPublicKey.parse(json.path("publicKey").textValue())), resources.clock());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<WebhookRoute> routes() {
        return List.of(events);
    }

    @Override
    public void readSecret() throws CachedSecret.UnavailableException {
        key.refreshIfOlderThan(Duration.ZERO);
    }

    /**
     * Only Telnyx can sign for the real key, so the synthetic webhooks run through a twin of the route that trusts a
     * throwaway key pair: the same classes, loaded and compiled, and the real route never trusts that key.
     */
    @Override
    public List<QueueEvent> prime(int count) throws WebhookRejection, CachedSecret.UnavailableException {
        key.current();
        KeyPair throwaway = TelnyxRequestSigner.newKeyPair();
        TelnyxRoute twin = new TelnyxRoute(EVENTS_ROUTE,
                new TelnyxSignature(SecretSource.fixed(TelnyxPublicKey.of(throwaway.getPublic())), clock));
        List<QueueEvent> primed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] body = (i % 2 == 0 ? received(i) : finalized(i)).getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>(TelnyxRequestSigner.headers(throwaway.getPrivate(),
                    clock.instant(), body));
            headers.put("Content-Type", "application/json");
            WebhookRequest request = new WebhookRequest("POST", EVENTS_ROUTE, "https://priming.invalid" + EVENTS_ROUTE,
                    headers, body);
            if (twin.read(request, clock.instant()) instanceof Received.Event event) {
                primed.add(event.event());
            }
        }
        return primed;
    }

    private static String received(int n) {
        return "{\"data\":{\"event_type\":\"message.received\",\"id\":\"" + uuid(n) + "\",\"payload\":{\"id\":\""
                + uuid(n) + "\",\"from\":{\"phone_number\":\"+15550000000\"},\"to\":[{\"phone_number\":\"+15550000001\","
                + "\"status\":\"webhook_delivered\"}],\"text\":\"priming " + n + " é 👋\",\"media\":[]}},"
                + "\"meta\":{\"attempt\":1}}";
    }

    private static String finalized(int n) {
        return "{\"data\":{\"event_type\":\"message.finalized\",\"id\":\"" + uuid(n) + "\",\"payload\":{\"id\":\""
                + uuid(n) + "\",\"from\":{\"phone_number\":\"+15550000001\"},\"to\":[{\"phone_number\":\"+15550000000\","
                + "\"status\":\"delivery_failed\"}],\"errors\":[{\"code\":\"40002\",\"title\":\"priming\"}]}},"
                + "\"meta\":{\"attempt\":1}}";
    }

    private static String uuid(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }
}
