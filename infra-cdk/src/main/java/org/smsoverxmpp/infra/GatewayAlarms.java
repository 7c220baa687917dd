package org.smsoverxmpp.infra;

import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/** What an operator must hear about: dead letters (inbound and outbound), a disconnected bridge, webhook errors. */
public final class GatewayAlarms extends Construct {
    public static final String NAMESPACE = "SmsOverXmpp";

    private final Topic topic;

    public GatewayAlarms(Construct scope, String id, Optional<String> email) {
        super(scope, id);
        topic = Topic.Builder.create(this, "Topic").displayName("sms-over-xmpp alarms").enforceSsl(true).build();
        email.ifPresent(address -> topic.addSubscription(new EmailSubscription(address)));
        Suppressions.suppress(topic, "AwsSolutions-SNS2", "Alarm notifications carry no message content; a KMS key "
                + "would add a fixed monthly cost to an idle gateway.");
    }

    /** Anything at all in a dead-letter queue: each message is an SMS or event that was not delivered. */
    public void deadLetters(String id, String description, IMetric visibleMessages) {
        alarm(id, description, visibleMessages, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, 1,
                TreatMissingData.NOT_BREACHING);
    }

    public void webhookErrors(IMetric lambdaErrors, IMetric api5xx) {
        alarm("WebhookErrors", "The webhook function failed; Twilio retries, but look at its logs.",
                lambdaErrors, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, 1, TreatMissingData.NOT_BREACHING);
        alarm("Api5xx", "The webhook API answered 5xx (queue unavailable or function errors).",
                api5xx, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, 1, TreatMissingData.NOT_BREACHING);
    }

    /**
     * The bridge logs "xmpp stream up" each minute while connected; a free metric filter counts those lines.
     * None for ten minutes means disconnected, or not running at all.
     */
    public void bridgeDisconnected(ILogGroup bridgeLogs) {
        MetricFilter filter = MetricFilter.Builder.create(this, "StreamUp").logGroup(bridgeLogs)
                .filterPattern(FilterPattern.stringValue("$.message", "=", "xmpp stream up"))
                .metricNamespace(NAMESPACE).metricName("XmppStreamUp").metricValue("1").build();
        Metric up = filter.metric(MetricOptions.builder().statistic("Sum").period(Duration.minutes(5)).build());
        alarm("BridgeDisconnected", "The bridge has not reported a live XMPP stream for 10 minutes.",
                up, ComparisonOperator.LESS_THAN_THRESHOLD, 1, 2, TreatMissingData.BREACHING);
    }

    private void alarm(String id, String description, IMetric metric, ComparisonOperator comparison, double threshold,
            int periods, TreatMissingData missing) {
        Alarm alarm = Alarm.Builder.create(this, id).alarmDescription(description).metric(metric)
                .comparisonOperator(comparison).threshold(threshold).evaluationPeriods(periods)
                .treatMissingData(missing).build();
        alarm.addAlarmAction(new SnsAction(topic));
    }
}
