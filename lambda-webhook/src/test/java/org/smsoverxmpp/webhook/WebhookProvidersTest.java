package org.smsoverxmpp.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.webhook.provider.WebhookProvider;
import org.smsoverxmpp.webhook.provider.WebhookRoute;
import org.smsoverxmpp.webhook.twilio.FixedSecret;

/** Each provider is enabled by its secret variable alone, and brings its own routes. */
class WebhookProvidersTest {
    private final FixedSecret secrets = new FixedSecret("AC0", "unused");

    private List<WebhookProvider> enabled(Map<String, String> secretIds) {
        Map<String, String> env = new java.util.HashMap<>(secretIds);
        env.put("QUEUE_URL", "q");
        return WebhookProviders.enabled(WebhookConfig.from(env), secrets, Clock.systemUTC());
    }

    private static List<String> routes(List<WebhookProvider> providers) {
        return providers.stream().flatMap(p -> p.routes().stream()).map(WebhookRoute::path).toList();
    }

    @Test
    void onlyTheProvidersWhoseSecretIsConfiguredAreEnabled() {
        List<WebhookProvider> telnyx = enabled(Map.of("TELNYX_SECRET_ID", "sms-over-xmpp/telnyx/webhook"));

        assertThat(telnyx).extracting(WebhookProvider::name).containsExactly("telnyx");
        assertThat(routes(telnyx)).containsExactly("/telnyx/events");
        assertThat(secrets.reads).as("no secret is read until the wiring asks").hasValue(0);
    }

    @Test
    void everyProviderHasItsOwnRoutesAndTwilioKeepsTheOldOnes() {
        List<WebhookProvider> all = enabled(Map.of("TWILIO_SECRET_ID", "a", "TELNYX_SECRET_ID", "b",
                "SIGNALWIRE_SECRET_ID", "c"));

        assertThat(all).extracting(WebhookProvider::name).containsExactly("twilio", "telnyx", "signalwire");
        assertThat(routes(all)).containsExactlyInAnyOrder("/twilio/sms", "/twilio/status", "/sms", "/status",
                "/telnyx/events", "/signalwire/sms", "/signalwire/status");
    }
}
