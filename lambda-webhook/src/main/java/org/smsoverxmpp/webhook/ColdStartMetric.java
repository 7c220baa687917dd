package org.smsoverxmpp.webhook;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded-metric-format line per execution environment, at its first request: CloudWatch counts cold starts
 * (SnapStart restores included) and their first request's time from the log, with no API call. Every other request's
 * latency is in the metrics Lambda and API Gateway publish anyway, so no line per request is written.
 */
public final class ColdStartMetric {
    public static final String NAMESPACE = "SmsOverXmpp";
    public static final String COLD_START = "WebhookColdStart";
    public static final String FIRST_REQUEST_MS = "WebhookColdStartRequestTime";
    /** Written unwrapped by its own appender: CloudWatch reads a metric only from a bare JSON line. */
    private static final Logger EMF = LoggerFactory.getLogger("emf.webhook");

    private final AtomicBoolean first = new AtomicBoolean(true);

    /** A request ran from {@code startedMillis} to {@code endedMillis} (epoch milliseconds). */
    void requestRan(long startedMillis, long endedMillis) {
        if (first.getAndSet(false)) {
            EMF.info(line(endedMillis - startedMillis, endedMillis));
        }
    }

    static String line(long millis, long timestampMillis) {
        return "{\"_aws\":{\"Timestamp\":" + timestampMillis + ",\"CloudWatchMetrics\":[{\"Namespace\":\"" + NAMESPACE
                + "\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"" + COLD_START + "\",\"Unit\":\"Count\"},{\"Name\":\""
                + FIRST_REQUEST_MS + "\",\"Unit\":\"Milliseconds\"}]}]},\"" + COLD_START + "\":1,\"" + FIRST_REQUEST_MS
                + "\":" + millis + "}";
    }
}
