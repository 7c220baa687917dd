package org.smsoverxmpp.webhook;

import java.util.concurrent.atomic.AtomicBoolean;
import org.smsoverxmpp.webhook.logging.StandardOutput;

/**
 * One embedded-metric-format line per execution environment, at its first request: CloudWatch counts cold starts
 * (SnapStart restores included) and their first request's time from the log, with no API call. Every other request's
 * latency is in the metrics Lambda and API Gateway publish anyway, so no line per request is written.
 */
public final class ColdStartMetric {
    public static final String NAMESPACE = "SmsOverXmpp";
    public static final String COLD_START = "WebhookColdStart";
    public static final String FIRST_REQUEST_MS = "WebhookColdStartRequestTime";

    private final AtomicBoolean first = new AtomicBoolean(true);

    /** A request ran from {@code startedMillis} to {@code endedMillis} (epoch milliseconds). */
    void requestRan(long startedMillis, long endedMillis) {
        if (first.getAndSet(false)) {
            // Not through the logger: CloudWatch reads a metric only from a bare JSON line, and Lambda's JSON log
            // format passes a line that is already JSON as it is.
            StandardOutput.writeLine(line(endedMillis - startedMillis, endedMillis));
        }
    }

    static String line(long millis, long timestampMillis) {
        return "{\"_aws\":{\"Timestamp\":" + timestampMillis + ",\"CloudWatchMetrics\":[{\"Namespace\":\"" + NAMESPACE
                + "\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"" + COLD_START + "\",\"Unit\":\"Count\"},{\"Name\":\""
                + FIRST_REQUEST_MS + "\",\"Unit\":\"Milliseconds\"}]}]},\"" + COLD_START + "\":1,\"" + FIRST_REQUEST_MS
                + "\":" + millis + "}";
    }
}
