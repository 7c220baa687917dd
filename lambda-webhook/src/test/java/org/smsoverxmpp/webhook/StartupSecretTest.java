package org.smsoverxmpp.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.webhook.twilio.FixedSecret;
import org.smsoverxmpp.webhook.twilio.TwilioSecret;

class StartupSecretTest {
    static final String ACCOUNT = "AC55555555555555555555555555555555";

    private final FixedSecret secrets = new FixedSecret(ACCOUNT, "startup-token");

    private TwilioSecret secret() {
        return new TwilioSecret(secrets, "twilio", Duration.ofMinutes(5), Clock.systemUTC());
    }

    @Test
    void theSecretIsReadOnceBeforeItIsHandedOver() throws Exception {
        TwilioSecret secret = StartupSecret.read(this::secret).await();

        assertThat(secrets.reads).hasValue(1);
        assertThat(secret.current().authToken()).isEqualTo("startup-token");
        assertThat(secrets.reads).as("served from the cache").hasValue(1);
    }

    @Test
    void aSecretThatCannotBeReadStopsTheStart() {
        secrets.down = true;

        assertThatThrownBy(() -> StartupSecret.read(this::secret).await()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot start without the Twilio auth token").hasMessageContaining("twilio");
    }

    @Test
    void aSecretThatIsNoTwilioSecretStopsTheStartWithItsReason() {
        secrets.value = "{\"accountSid\":\"AC1\",\"authToken\":\"\"}";

        assertThatThrownBy(() -> StartupSecret.read(this::secret).await()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("secret twilio");
    }
}
