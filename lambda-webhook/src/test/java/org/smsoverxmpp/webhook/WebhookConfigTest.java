package org.smsoverxmpp.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookConfigTest {

    /** The required settings, and one more. */
    private static Map<String, String> with(String name, String value) {
        return Map.of("QUEUE_URL", "q", "TWILIO_SECRET_ID", "s", name, value);
    }

    @Test
    void everyMissingVariableIsNamedAtOnce() {
        assertThatThrownBy(() -> WebhookConfig.from(Map.of()))
                .hasMessageContaining("QUEUE_URL").hasMessageContaining("TWILIO_SECRET_ID");
    }

    @Test
    void invalidValuesAreNamed() {
        assertThatThrownBy(() -> WebhookConfig.from(Map.of("QUEUE_URL", "q", "TWILIO_SECRET_ID", "s",
                "MAX_BODY_BYTES", "-1", "PUBLIC_BASE_URL", "sms.example.com")))
                .hasMessageContaining("MAX_BODY_BYTES").hasMessageContaining("PUBLIC_BASE_URL");
    }

    @Test
    void urlFragmentIsTakenWithOrWithoutItsHash() {
        assertThat(WebhookConfig.from(with("TWILIO_URL_FRAGMENT", "#rc=3&rt=5000")).twilioUrlFragment())
                .contains("rc=3&rt=5000");
    }

    @Test
    void urlFragmentWithSpacesIsNamed() {
        assertThatThrownBy(() -> WebhookConfig.from(with("TWILIO_URL_FRAGMENT", "rc=3 rt=5000")))
                .hasMessageContaining("TWILIO_URL_FRAGMENT");
    }

    @Test
    void defaultsApply() {
        WebhookConfig config = WebhookConfig.from(with("PUBLIC_BASE_URL", "https://sms.example.com/"));

        assertThat(config.maxBodyBytes()).isEqualTo(65536);
        assertThat(config.publicBaseUrl()).contains("https://sms.example.com");
        assertThat(config.secretMaxAge().toSeconds()).isEqualTo(300);
        assertThat(config.budget().total()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void budgetOutsideTheFunctionsTimeoutIsNamed() {
        assertThatThrownBy(() -> WebhookConfig.from(with("WEBHOOK_BUDGET_MS", "20000")))
                .hasMessageContaining("WEBHOOK_BUDGET_MS");
    }

    @Test
    void budgetIsConfigurable() {
        assertThat(WebhookConfig.from(with("WEBHOOK_BUDGET_MS", "2500")).budget().total())
                .isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void anyOneProviderIsEnoughAndEachIsEnabledByItsSecret() {
        WebhookConfig telnyx = WebhookConfig.from(Map.of("QUEUE_URL", "q", "TELNYX_SECRET_ID", "t"));
        WebhookConfig all = WebhookConfig.from(Map.of("QUEUE_URL", "q", "TWILIO_SECRET_ID", "s",
                "TELNYX_SECRET_ID", "t", "SIGNALWIRE_SECRET_ID", "w"));

        assertThat(telnyx.providerSecretIds()).isEqualTo(Map.of("TELNYX_SECRET_ID", "t"));
        assertThat(all.providerSecretIds()).hasSize(3).containsEntry("SIGNALWIRE_SECRET_ID", "w");
    }

    @Test
    void noProviderAtAllIsRefusedNamingEachSecretVariable() {
        assertThatThrownBy(() -> WebhookConfig.from(Map.of("QUEUE_URL", "q", "TWILIO_SECRET_ID", " ")))
                .hasMessageContaining("no provider is enabled").hasMessageContaining("TWILIO_SECRET_ID")
                .hasMessageContaining("TELNYX_SECRET_ID").hasMessageContaining("SIGNALWIRE_SECRET_ID");
    }
}
