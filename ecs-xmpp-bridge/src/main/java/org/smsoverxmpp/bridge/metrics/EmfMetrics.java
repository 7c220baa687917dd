package org.smsoverxmpp.bridge.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The bridge's metrics as CloudWatch embedded-metric-format lines: counts are added up in memory and written once a
 * minute, one line for the totals and one for each error condition seen that minute, never a line per SMS. CloudWatch
 * Logs turns them into metrics of namespace {@value #NAMESPACE} as it ingests the log: no API call, no agent. Counts
 * that are zero are left out, so an idle gateway pays for one metric ({@value #XMPP_CONNECTED}).
 */
public final class EmfMetrics implements GatewayMetrics, AutoCloseable {
    public static final String NAMESPACE = "SmsOverXmpp";
    public static final String INBOUND_DELIVERED = "InboundDelivered";
    public static final String INBOUND_RETRIED = "InboundRetried";
    public static final String INBOUND_REJECTED = "InboundRejected";
    public static final String OUTBOUND_SENT = "OutboundSent";
    public static final String OUTBOUND_REFUSED = "OutboundRefused";
    /** 1 if the stream was up when the minute ended, else 0. */
    public static final String XMPP_CONNECTED = "XmppConnected";
    public static final String XMPP_DISCONNECTS = "XmppDisconnects";
    public static final String XMPP_CONNECT_FAILURES = "XmppConnectFailures";
    /** The dimension of {@value #OUTBOUND_REFUSED} per condition (and of the failures per kind). */
    public static final String CONDITION = "Condition";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<String> sink;
    private final Clock clock;
    private final LongAdder inboundDelivered = new LongAdder();
    private final LongAdder inboundRetried = new LongAdder();
    private final LongAdder inboundRejected = new LongAdder();
    private final LongAdder outboundSent = new LongAdder();
    private final LongAdder disconnects = new LongAdder();
    private final Map<String, LongAdder> refusedBy = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> failedBy = new ConcurrentHashMap<>();
    private final AtomicBoolean connected = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "emf-metrics");
        t.setDaemon(true);
        return t;
    });

    /** @param sink takes each line as it must appear in the log: alone, unwrapped */
    public EmfMetrics(Consumer<String> sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    /** Writes the minute's lines every minute from now on. */
    public EmfMetrics start() {
        timer.scheduleAtFixedRate(this::flush, 60, 60, TimeUnit.SECONDS);
        return this;
    }

    @Override
    public void inboundDelivered() {
        inboundDelivered.increment();
    }

    @Override
    public void inboundRetried() {
        inboundRetried.increment();
    }

    @Override
    public void inboundRejected() {
        inboundRejected.increment();
    }

    @Override
    public void outboundSent() {
        outboundSent.increment();
    }

    @Override
    public void outboundRefused(String condition) {
        refusedBy.computeIfAbsent(condition, c -> new LongAdder()).increment();
    }

    @Override
    public void connected() {
        connected.set(true);
    }

    @Override
    public void disconnected() {
        if (connected.getAndSet(false)) {
            disconnects.increment();
        }
    }

    @Override
    public void connectionFailed(LinkFailure failure) {
        failedBy.computeIfAbsent(failure.kind().name(), k -> new LongAdder()).increment();
    }

    /** Writes what was counted since the last flush, and starts counting afresh. */
    public void flush() {
        for (String line : lines(clock.instant())) {
            sink.accept(line);
        }
    }

    List<String> lines(Instant now) {
        Map<String, Long> refused = drain(refusedBy);
        Map<String, Long> failed = drain(failedBy);
        // CloudWatch bills a metric for each hour it receives data: a count that is zero is left out (a graph shows
        // no data, an alarm on it treats missing data as it is told). Only the connection state is written every
        // minute, since its absence means the bridge is not running.
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put(XMPP_CONNECTED, connected.get() ? 1L : 0L);
        putIfCounted(totals, INBOUND_DELIVERED, inboundDelivered.sumThenReset());
        putIfCounted(totals, INBOUND_RETRIED, inboundRetried.sumThenReset());
        putIfCounted(totals, INBOUND_REJECTED, inboundRejected.sumThenReset());
        putIfCounted(totals, OUTBOUND_SENT, outboundSent.sumThenReset());
        putIfCounted(totals, OUTBOUND_REFUSED, refused.values().stream().mapToLong(Long::longValue).sum());
        putIfCounted(totals, XMPP_DISCONNECTS, disconnects.sumThenReset());
        putIfCounted(totals, XMPP_CONNECT_FAILURES, failed.values().stream().mapToLong(Long::longValue).sum());
        List<String> lines = new ArrayList<>();
        lines.add(line(now, Map.of(), totals));
        refused.forEach((condition, count) -> lines.add(line(now, Map.of(CONDITION, condition), Map.of(OUTBOUND_REFUSED, count))));
        failed.forEach((kind, count) -> lines.add(line(now, Map.of(CONDITION, kind), Map.of(XMPP_CONNECT_FAILURES, count))));
        return lines;
    }

    private static void putIfCounted(Map<String, Long> totals, String name, long count) {
        if (count > 0) {
            totals.put(name, count);
        }
    }

    private static Map<String, Long> drain(Map<String, LongAdder> counts) {
        Map<String, Long> drained = new LinkedHashMap<>();
        counts.forEach((key, count) -> {
            long n = count.sumThenReset();
            if (n > 0) {
                drained.put(key, n);
            }
        });
        return drained;
    }

    /** One EMF document: the metadata CloudWatch reads, then the dimension values and the metric values at top level. */
    private static String line(Instant now, Map<String, String> dimensions, Map<String, Long> values) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode directive = root.putObject("_aws").put("Timestamp", now.toEpochMilli())
                .putArray("CloudWatchMetrics").addObject().put("Namespace", NAMESPACE);
        ArrayNode dimensionSet = directive.putArray("Dimensions").addArray();
        dimensions.keySet().forEach(dimensionSet::add);
        ArrayNode metrics = directive.putArray("Metrics");
        values.keySet().forEach(name -> metrics.addObject().put("Name", name).put("Unit", XMPP_CONNECTED.equals(name) ? "None" : "Count"));
        dimensions.forEach(root::put);
        values.forEach(root::put);
        return root.toString();
    }

    /** Writes what is left, so the last minute before a stop is not lost. */
    @Override
    public void close() {
        timer.shutdownNow();
        flush();
    }
}
