package org.smsoverxmpp.webhook.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class JsonLogLineTest {
    static final Instant AT = Instant.parse("2026-12-01T10:15:30.123Z");

    @Test
    void anEventIsOneJsonObjectWithTheFieldsLambdaFiltersOn() {
        String line = JsonLogLine.render(AT, "INFO", "org.smsoverxmpp.webhook.WebhookService", "enqueued /sms SM1",
                Map.of("requestId", "req-1"), null);

        assertThat(line).startsWith("{\"timestamp\":\"2026-12-01T10:15:30.123Z\",\"level\":\"INFO\"").doesNotContain("\n");
        JsonNode event = CapturedLines.parse(line);
        assertThat(event.path("logger").asText()).isEqualTo("org.smsoverxmpp.webhook.WebhookService");
        assertThat(event.path("message").asText()).isEqualTo("enqueued /sms SM1");
        assertThat(event.path("requestId").asText()).isEqualTo("req-1");
        assertThat(event.has("error")).isFalse();
    }

    @Test
    void anErrorKeepsItsStackTraceInsideTheOneLine() {
        IllegalStateException error = new IllegalStateException("queue \"gone\"", new RuntimeException("cause"));

        String line = JsonLogLine.render(AT, "ERROR", "x", "failed", null, error);

        assertThat(line).doesNotContain("\n");
        JsonNode event = CapturedLines.parse(line);
        assertThat(event.path("error").asText()).isEqualTo("java.lang.IllegalStateException: queue \"gone\"");
        assertThat(event.path("stackTrace").asText()).contains("\tat org.smsoverxmpp.webhook.logging.JsonLogLineTest")
                .contains("Caused by: java.lang.RuntimeException: cause");
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreEscaped() {
        String message = "a\u0000b\u001fc\u007fd\u2028e\ud800f\udc00g";

        String line = JsonLogLine.render(AT, "WARN", "x", message, null, null);

        assertThat(line).contains("a\\u0000b\\u001fc\\u007fd\\u2028e\\ud800f\\udc00g");
        assertThat(CapturedLines.parse(line).path("message").asText()).isEqualTo(message);
    }

    @Property
    void anyTextIsReadBackExactly(@ForAll @CharRange(from = '\u0000', to = '\uffff') @StringLength(max = 200) String text) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("requestId", text);

        JsonNode event = CapturedLines.parse(JsonLogLine.render(AT, "INFO", text, text, context, null));

        assertThat(event.path("message").asText()).isEqualTo(text);
        assertThat(event.path("logger").asText()).isEqualTo(text);
        assertThat(event.path("requestId").asText()).isEqualTo(text);
    }
}
