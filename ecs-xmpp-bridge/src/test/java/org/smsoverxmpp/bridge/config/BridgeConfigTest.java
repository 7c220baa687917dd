package org.smsoverxmpp.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.bridge.provider.ProviderSettings;
import org.smsoverxmpp.bridge.provider.telnyx.TelnyxSettings;
import org.smsoverxmpp.bridge.provider.twilio.TwilioSettings;

class BridgeConfigTest {

    private static TwilioSettings twilio(BridgeConfig config) {
        return (TwilioSettings) config.providers().configured().stream().filter(p -> p.name().equals("twilio"))
                .findFirst().orElseThrow();
    }

    static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("XMPP_HOST", "xmpp.example.com");
        env.put("COMPONENT_DOMAIN", "sms.example.com");
        env.put("COMPONENT_SECRET", "s3cret");
        env.put("QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/1/sms.fifo");
        env.put("OUTBOX_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/1/outbox.fifo");
        env.put("MAPPINGS_TABLE", "mappings");
        env.put("TWILIO_ACCOUNT_SID", "AC1");
        env.put("TWILIO_API_KEY_SID", "SK1");
        env.put("TWILIO_API_KEY_SECRET", "key-secret");
        return env;
    }

    @Test
    void defaultsAreSensible() {
        BridgeConfig config = BridgeConfig.from(minimal());

        assertThat(config.xmpp().port()).isEqualTo(5347);
        assertThat(config.xmpp().serverDomain().toString()).isEqualTo("example.com");
        assertThat(twilio(config).apiBaseUrl().toString()).isEqualTo("https://api.twilio.com");
        assertThat(config.providers().defaultName()).isEqualTo("twilio");
        assertThat(config.mappingsNumberIndex()).isEqualTo("byNumber");
        assertThat(twilio(config).credentials().username()).isEqualTo("SK1");
        assertThat(config.queueConsumers()).isEqualTo(4);
        assertThat(config.sqsEndpoint()).isEmpty();
        assertThat(config.stopTimeout()).hasSeconds(30);
        assertThat(config.outboxConsumers()).isEqualTo(2);
        assertThat(config.outboxMaxAge()).hasMinutes(60);
        assertThat(config.inboundGiveUp()).hasHours(1);
        assertThat(config.deadLetterQueueUrl()).isEmpty();
    }

    @Test
    void theShutdownBudgetIsTheTasksStopTimeout() {
        Map<String, String> env = minimal();
        env.put("STOP_TIMEOUT_SECONDS", "120");
        assertThat(BridgeConfig.from(env).stopTimeout()).hasSeconds(120);
    }

    @Test
    void theQueueMayLiveAtItsOwnEndpoint() {
        Map<String, String> env = minimal();
        env.put("AWS_ENDPOINT_URL", "http://localhost:5000");
        assertThat(BridgeConfig.from(env).sqsEndpoint()).hasValueSatisfying(
                uri -> assertThat(uri.toString()).isEqualTo("http://localhost:5000"));

        env.put("AWS_ENDPOINT_URL_SQS", "http://localhost:9324");
        BridgeConfig config = BridgeConfig.from(env);
        assertThat(config.sqsEndpoint()).hasValueSatisfying(uri -> assertThat(uri.toString()).isEqualTo("http://localhost:9324"));
        assertThat(config.awsEndpoint()).hasValueSatisfying(uri -> assertThat(uri.toString()).isEqualTo("http://localhost:5000"));
    }

    @Test
    void consumerThreadsAreBounded() {
        Map<String, String> env = minimal();
        env.put("QUEUE_CONSUMERS", "0");
        assertThatThrownBy(() -> BridgeConfig.from(env)).hasMessageContaining("QUEUE_CONSUMERS").hasMessageContaining("1 to 16");
        env.put("QUEUE_CONSUMERS", "8");
        assertThat(BridgeConfig.from(env).queueConsumers()).isEqualTo(8);
    }

    @Test
    void everyMissingVariableIsNamedAtOnce() {
        assertThatThrownBy(() -> BridgeConfig.from(Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(7))
                .hasMessageContaining("XMPP_HOST").hasMessageContaining("COMPONENT_SECRET").hasMessageContaining("OUTBOX_QUEUE_URL")
                .hasMessageContaining("no SMS provider is configured").hasMessageContaining("TELNYX_API_KEY");
    }

    @Test
    void invalidValuesAreNamedWithWhatWasGiven() {
        Map<String, String> env = minimal();
        env.put("XMPP_PORT", "http");
        env.put("XMPP_TLS", "maybe");
        env.put("TWILIO_API_BASE_URL", "api.twilio.com");

        assertThatThrownBy(() -> BridgeConfig.from(env))
                .hasMessageContaining("XMPP_PORT must be a positive whole number (got 'http')")
                .hasMessageContaining("XMPP_TLS must be direct or none (got 'maybe')")
                .hasMessageContaining("TWILIO_API_BASE_URL");
    }

    @Test
    void authTokenIsAnAlternativeToAnApiKey() {
        Map<String, String> env = minimal();
        env.remove("TWILIO_API_KEY_SID");
        env.remove("TWILIO_API_KEY_SECRET");
        env.put("TWILIO_AUTH_TOKEN", "token");

        assertThat(twilio(BridgeConfig.from(env)).credentials().username()).isEqualTo("AC1");
    }

    @Test
    void secretsNeverAppearInToString() {
        BridgeConfig config = BridgeConfig.from(minimal());

        assertThat(config.toString()).doesNotContain("s3cret").doesNotContain("key-secret");
    }

    @Test
    void telnyxAloneIsEnoughAndBecomesTheDefault() {
        Map<String, String> env = minimal();
        env.remove("TWILIO_ACCOUNT_SID");
        env.remove("TWILIO_API_KEY_SID");
        env.remove("TWILIO_API_KEY_SECRET");
        env.put("TELNYX_API_KEY", "KEY0123");
        env.put("TELNYX_WEBHOOK_URL", "https://hooks.example.com/prod/telnyx/events");

        BridgeConfig config = BridgeConfig.from(env);

        assertThat(config.providers().defaultName()).isEqualTo("telnyx");
        assertThat(config.providers().configured()).singleElement().isInstanceOfSatisfying(TelnyxSettings.class, telnyx -> {
            assertThat(telnyx.apiBaseUrl().toString()).isEqualTo("https://api.telnyx.com");
            assertThat(telnyx.webhookUrl()).hasValueSatisfying(u -> assertThat(u.getPath()).isEqualTo("/prod/telnyx/events"));
        });
        assertThat(config.toString()).doesNotContain("KEY0123");
    }

    @Test
    void withSeveralProvidersTheDefaultMustBeNamedAndConfigured() {
        Map<String, String> env = minimal();
        env.put("TELNYX_API_KEY", "KEY0123");
        assertThatThrownBy(() -> BridgeConfig.from(env)).hasMessageContaining("SMS_PROVIDER is required")
                .hasMessageContaining("twilio, telnyx");

        env.put("SMS_PROVIDER", "vonage");
        assertThatThrownBy(() -> BridgeConfig.from(env)).hasMessageContaining("SMS_PROVIDER is 'vonage', which is not configured");

        env.put("SMS_PROVIDER", "telnyx");
        assertThat(BridgeConfig.from(env).providers().configured()).extracting(ProviderSettings::name)
                .containsExactly("twilio", "telnyx");
    }

    @Test
    void signalWireIsTwiliosApiAtTheSpacesLamlPathWithTheProjectAsAccount() {
        Map<String, String> env = minimal();
        env.put("SMS_PROVIDER", "twilio");
        env.put("SIGNALWIRE_PROJECT_ID", "a1b2c3d4-0000-4000-8000-000000000000");
        env.put("SIGNALWIRE_API_TOKEN", "PTxyz");
        env.put("SIGNALWIRE_SPACE_URL", "example.signalwire.com");

        TwilioSettings signalWire = (TwilioSettings) BridgeConfig.from(env).providers().configured().stream()
                .filter(p -> p.name().equals("signalwire")).findFirst().orElseThrow();

        assertThat(signalWire.apiBaseUrl().toString()).isEqualTo("https://example.signalwire.com/api/laml");
        assertThat(signalWire.credentials().accountSid()).isEqualTo("a1b2c3d4-0000-4000-8000-000000000000");
        assertThat(signalWire.displayName()).isEqualTo("SignalWire");

        env.remove("SIGNALWIRE_SPACE_URL");
        assertThatThrownBy(() -> BridgeConfig.from(env)).hasMessageContaining("SIGNALWIRE_SPACE_URL is required");
    }

    @Test
    void theOldNameOfTheRetryBaseStillWorks() {
        Map<String, String> env = minimal();
        env.put("TWILIO_RETRY_BASE_MS", "50");
        assertThat(twilio(BridgeConfig.from(env)).retryDelays()).extracting(java.time.Duration::toMillis).containsExactly(50L, 100L);
        env.put("SEND_RETRY_BASE_MS", "20");
        assertThat(twilio(BridgeConfig.from(env)).retryDelays()).extracting(java.time.Duration::toMillis).containsExactly(20L, 40L);
    }
}
