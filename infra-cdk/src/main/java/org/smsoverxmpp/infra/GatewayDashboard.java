package org.smsoverxmpp.infra;

import java.util.List;
import java.util.Map;
import org.smsoverxmpp.bridge.metrics.EmfMetrics;
import org.smsoverxmpp.webhook.ColdStartMetric;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.constructs.Construct;

/**
 * One CloudWatch dashboard, {@value #NAME}: traffic both ways, errors by condition, the queues' age and dead letters,
 * the XMPP connection, the webhook's latency and cold starts, and the alarms. The gateway's own metrics come from
 * the embedded-metric-format lines the bridge and the webhook log; the rest are the ones AWS publishes anyway.
 */
public final class GatewayDashboard extends Construct {
    public static final String NAME = "sms-over-xmpp";
    private static final Duration PERIOD = Duration.minutes(5);

    /** What the dashboard shows, each from the construct that owns it. */
    public record Props(FifoQueue events, FifoQueue outbox, RestApi api, IFunction webhook, List<IAlarm> alarms) {
    }

    public GatewayDashboard(Construct scope, String id, Props props) {
        super(scope, id);
        List<IWidget> traffic = List.of(
                graph("Inbound: events from the queue", List.of(sum(EmfMetrics.INBOUND_DELIVERED, "delivered"),
                        sum(EmfMetrics.INBOUND_RETRIED, "retried later"), sum(EmfMetrics.INBOUND_REJECTED, "rejected (to the DLQ)"))),
                graph("Outbound: messages to SMS", List.of(sum(EmfMetrics.OUTBOUND_SENT, "sent"),
                        sum(EmfMetrics.OUTBOUND_REFUSED, "answered with an error"))),
                graph("Errors by condition", List.of(byCondition(EmfMetrics.OUTBOUND_REFUSED, "refused: "),
                        byCondition(EmfMetrics.XMPP_CONNECT_FAILURES, "XMPP connect failed: "))));
        List<IWidget> queues = List.of(
                graph("Age of the oldest message (s)", List.of(
                        props.events().queue().metricApproximateAgeOfOldestMessage(max("events")),
                        props.outbox().queue().metricApproximateAgeOfOldestMessage(max("outbox")))),
                graph("Dead letters", List.of(
                        props.events().deadLetters().metricApproximateNumberOfMessagesVisible(max("events DLQ")),
                        props.outbox().deadLetters().metricApproximateNumberOfMessagesVisible(max("outbox DLQ")))),
                graph("XMPP connection", List.of(
                        emf(EmfMetrics.XMPP_CONNECTED, "Minimum", "connected (1) or not (0), worst minute"),
                        sum(EmfMetrics.XMPP_DISCONNECTS, "disconnects"), sum(EmfMetrics.XMPP_CONNECT_FAILURES, "failed attempts"))));
        List<IWidget> webhook = List.of(
                graph("Webhook latency (ms)", List.of(
                        props.api().metricLatency(stat("p50", "API p50")), props.api().metricLatency(stat("p99", "API p99")),
                        props.webhook().metricDuration(stat("p99", "function p99")))),
                graph("Webhook cold starts", List.of(
                        metric(ColdStartMetric.NAMESPACE, ColdStartMetric.COLD_START, "Sum", "cold starts (SnapStart restores too)"),
                        metric(ColdStartMetric.NAMESPACE, ColdStartMetric.FIRST_REQUEST_MS, "Maximum",
                                "slowest first request (ms)"))),
                alarmStatus(props.alarms()));
        Dashboard.Builder.create(this, "Resource").dashboardName(NAME)
                .widgets(List.of(traffic, queues, webhook)).build();
    }

    /** The alarms' states; with no alarms (the deploy rehearsal), a note where they would be. */
    private static IWidget alarmStatus(List<IAlarm> alarms) {
        return alarms.isEmpty()
                ? TextWidget.Builder.create().markdown("Alarms are left out of this deployment.").width(8).height(6).build()
                : AlarmStatusWidget.Builder.create().title("Alarms").alarms(alarms).width(8).height(6).build();
    }

    private static GraphWidget graph(String title, List<IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(metrics).width(8).height(6).build();
    }

    private static Metric sum(String name, String label) {
        return emf(name, "Sum", label);
    }

    /** One of the bridge's own metrics, from its EMF lines, as a line of a graph. */
    private static Metric emf(String name, String statistic, String label) {
        return metric(EmfMetrics.NAMESPACE, name, statistic, label);
    }

    /** One of the bridge's own metrics, from its EMF lines, for an alarm: no label, which would make it metric math. */
    static Metric emf(String name, String statistic, Duration period) {
        return Metric.Builder.create().namespace(EmfMetrics.NAMESPACE).metricName(name).statistic(statistic)
                .period(period).build();
    }

    private static Metric metric(String namespace, String name, String statistic, String label) {
        return Metric.Builder.create().namespace(namespace).metricName(name).statistic(statistic)
                .period(PERIOD).label(label).build();
    }

    /** One line per condition seen: a search over the dimension the EMF lines carry. */
    private static MathExpression byCondition(String name, String labelPrefix) {
        return MathExpression.Builder.create()
                .expression("SEARCH('{" + EmfMetrics.NAMESPACE + "," + EmfMetrics.CONDITION + "} MetricName=\"" + name
                        + "\"', 'Sum', " + PERIOD.toSeconds() + ")")
                .usingMetrics(Map.of()).label(labelPrefix).period(PERIOD).build();
    }

    private static MetricOptions max(String label) {
        return stat("Maximum", label);
    }

    private static MetricOptions stat(String statistic, String label) {
        return MetricOptions.builder().statistic(statistic).period(PERIOD).label(label).build();
    }
}
