package org.smsoverxmpp.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The webhook's cold-start metric, as CloudWatch reads an embedded-metric-format line. */
class ColdStartMetricTest {
    @Test
    void theLineDeclaresBothMetricsAndCarriesTheirValues() throws Exception {
        JsonNode line = new ObjectMapper().readTree(ColdStartMetric.line(840, 1_767_600_000_000L));

        JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
        assertThat(line.get("_aws").get("Timestamp").asLong()).isEqualTo(1_767_600_000_000L);
        assertThat(directive.get("Namespace").asText()).isEqualTo(ColdStartMetric.NAMESPACE);
        assertThat(directive.get("Metrics").findValuesAsText("Name"))
                .containsExactly(ColdStartMetric.COLD_START, ColdStartMetric.FIRST_REQUEST_MS);
        assertThat(line.get(ColdStartMetric.COLD_START).asInt()).isEqualTo(1);
        assertThat(line.get(ColdStartMetric.FIRST_REQUEST_MS).asLong()).isEqualTo(840);
    }
}
