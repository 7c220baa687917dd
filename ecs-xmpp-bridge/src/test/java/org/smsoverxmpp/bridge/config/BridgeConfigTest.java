package org.smsoverxmpp.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BridgeConfigTest {

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
        assertThat(config.twilioApiBaseUrl().toString()).isEqualTo("https://api.twilio.com");
        assertThat(config.mappingsNumberIndex()).isEqualTo("byNumber");
        assertThat(config.twilio().username()).isEqualTo("SK1");
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
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(8))
                .hasMessageContaining("XMPP_HOST").hasMessageContaining("COMPONENT_SECRET").hasMessageContaining("OUTBOX_QUEUE_URL")
                .hasMessageContaining("TWILIO_API_KEY_SID");
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

        assertThat(BridgeConfig.from(env).twilio().username()).isEqualTo("AC1");
    }

    @Test
    void secretsNeverAppearInToString() {
        BridgeConfig config = BridgeConfig.from(minimal());

        assertThat(config.toString()).doesNotContain("s3cret").doesNotContain("key-secret");
    }
}
