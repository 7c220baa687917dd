package org.smsoverxmpp.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.webhook.provider.WebhookProvider;
import org.smsoverxmpp.webhook.twilio.FixedSecret;
import org.smsoverxmpp.webhook.twilio.TwilioSecret;
import org.smsoverxmpp.webhook.twilio.TwilioWebhooks;

class StartupSecretsTest {
    static final String ACCOUNT = "AC55555555555555555555555555555555";

    private final FixedSecret secrets = new FixedSecret(ACCOUNT, "startup-token");
    private final TwilioSecret secret = new TwilioSecret(secrets, "twilio", Duration.ofMinutes(5), Clock.systemUTC());

    private List<WebhookProvider> providers() {
        return List.of(new TwilioWebhooks(secret, Optional.empty()));
    }

    @Test
    void eachSecretIsReadOnceBeforeTheProvidersAreHandedOver() throws Exception {
        List<WebhookProvider> providers = StartupSecrets.read(this::providers).await();

        assertThat(providers).extracting(WebhookProvider::name).containsExactly("twilio");
        assertThat(secrets.reads).hasValue(1);
        assertThat(secret.current().authToken()).isEqualTo("startup-token");
        assertThat(secrets.reads).as("served from the cache").hasValue(1);
    }

    @Test
    void aSecretThatCannotBeReadStopsTheStartAndNamesTheProvider() {
        secrets.down = true;

        assertThatThrownBy(() -> StartupSecrets.read(this::providers).await()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot start without the twilio webhook secret");
    }

    @Test
    void aSecretOfTheWrongShapeStopsTheStartWithItsReason() {
        secrets.value = "{\"accountSid\":\"AC1\",\"authToken\":\"\"}";

        assertThatThrownBy(() -> StartupSecrets.read(this::providers).await()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("secret twilio");
    }
}
