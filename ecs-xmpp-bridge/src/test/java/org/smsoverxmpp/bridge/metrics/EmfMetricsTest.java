package org.smsoverxmpp.bridge.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bridge's metrics as CloudWatch reads them: embedded-metric-format lines, once a minute. */
class EmfMetricsTest {
    static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    final List<String> lines = new ArrayList<>();
    final EmfMetrics metrics = new EmfMetrics(lines::add, Clock.fixed(NOW, ZoneOffset.UTC));

    JsonNode line(int i) throws Exception {
        return JSON.readTree(lines.get(i));
    }

    @Test
    void aMinuteOfTrafficIsOneLineOfTotalsNotOneLinePerSms() throws Exception {
        for (int i = 0; i < 50; i++) {
            metrics.inboundDelivered();
            metrics.outboundSent();
        }
        metrics.inboundRejected();
        metrics.connected();

        metrics.flush();

        assertThat(lines).hasSize(1);
        JsonNode totals = line(0);
        assertThat(totals.get(EmfMetrics.INBOUND_DELIVERED).asLong()).isEqualTo(50);
        assertThat(totals.get(EmfMetrics.OUTBOUND_SENT).asLong()).isEqualTo(50);
        assertThat(totals.get(EmfMetrics.INBOUND_REJECTED).asLong()).isEqualTo(1);
        assertThat(totals.get(EmfMetrics.XMPP_CONNECTED).asLong()).isEqualTo(1);
    }

    @Test
    void eachLineCarriesTheDirectiveCloudWatchNeeds() throws Exception {
        metrics.outboundSent();
        metrics.flush();

        assertThat(line(0).has(EmfMetrics.INBOUND_DELIVERED)).isFalse();
        JsonNode aws = line(0).get("_aws");
        assertThat(aws.get("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        JsonNode directive = aws.get("CloudWatchMetrics").get(0);
        assertThat(directive.get("Namespace").asText()).isEqualTo(EmfMetrics.NAMESPACE);
        List<String> declared = new ArrayList<>();
        directive.get("Metrics").forEach(m -> declared.add(m.get("Name").asText()));
        assertThat(declared).contains(EmfMetrics.OUTBOUND_SENT, EmfMetrics.XMPP_CONNECTED)
                .allSatisfy(name -> assertThat(line(0).has(name)).as(name + " has a value").isTrue());
    }

    @Test
    void refusalsAreCountedInTotalAndPerConditionOnTheirOwnLines() throws Exception {
        metrics.outboundRefused("item-not-found");
        metrics.outboundRefused("item-not-found");
        metrics.outboundRefused("remote-server-timeout");

        metrics.flush();

        assertThat(line(0).get(EmfMetrics.OUTBOUND_REFUSED).asLong()).isEqualTo(3);
        assertThat(lines).hasSize(3);
        JsonNode notFound = line(1);
        assertThat(notFound.get(EmfMetrics.CONDITION).asText()).isEqualTo("item-not-found");
        assertThat(notFound.get(EmfMetrics.OUTBOUND_REFUSED).asLong()).isEqualTo(2);
        assertThat(notFound.get("_aws").get("CloudWatchMetrics").get(0).get("Dimensions").get(0).get(0).asText())
                .isEqualTo(EmfMetrics.CONDITION);
    }

    @Test
    void countsStartAfreshEachMinuteAndOnlyTheConnectionStateIsWrittenWhenIdle() throws Exception {
        metrics.connected();
        metrics.inboundDelivered();
        metrics.flush();

        metrics.flush();

        assertThat(line(1).has(EmfMetrics.INBOUND_DELIVERED)).as("a zero count is left out: billed by the hour").isFalse();
        assertThat(line(1).get(EmfMetrics.XMPP_CONNECTED).asLong()).isEqualTo(1);
    }

    @Test
    void aDroppedStreamCountsOneDisconnectAndShowsAsNotConnected() throws Exception {
        metrics.connected();
        metrics.disconnected();
        metrics.disconnected();
        metrics.connectionFailed(LinkFailure.secretRejected("not-authorized"));

        metrics.flush();

        assertThat(line(0).get(EmfMetrics.XMPP_DISCONNECTS).asLong()).isEqualTo(1);
        assertThat(line(0).get(EmfMetrics.XMPP_CONNECTED).asLong()).isZero();
        assertThat(line(0).get(EmfMetrics.XMPP_CONNECT_FAILURES).asLong()).isEqualTo(1);
        assertThat(line(1).get(EmfMetrics.CONDITION).asText()).isEqualTo("SECRET_REJECTED");
    }
}
