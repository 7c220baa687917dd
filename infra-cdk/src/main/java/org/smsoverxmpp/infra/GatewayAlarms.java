package org.smsoverxmpp.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smsoverxmpp.bridge.metrics.EmfMetrics;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * What an operator must hear about: dead letters (inbound and outbound), a disconnected bridge, many refused
 * outbound messages, webhook errors.
 */
public final class GatewayAlarms extends Construct {
    public static final String NAMESPACE = "SmsOverXmpp";

    private final Topic topic;
    private final List<IAlarm> alarms = new ArrayList<>();

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

    /** @param whoRetries who retries a failed webhook, for the description: "Twilio retries" */
    public void webhookErrors(String whoRetries, IMetric lambdaErrors, IMetric api5xx) {
        alarm("WebhookErrors", "The webhook function failed; " + whoRetries + ", but look at its logs.",
                lambdaErrors, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, 1, TreatMissingData.NOT_BREACHING);
        alarm("Api5xx", "The webhook API answered 5xx (queue unavailable or function errors).",
                api5xx, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, 1, TreatMissingData.NOT_BREACHING);
    }

    /**
     * The bridge's EMF line each minute says whether its stream is up ({@code XmppConnected}). Not up at any minute
     * for ten minutes means disconnected; no line at all, not running.
     */
    public void bridgeDisconnected() {
        Metric up = GatewayDashboard.emf(EmfMetrics.XMPP_CONNECTED, "Maximum", Duration.minutes(5));
        alarm("BridgeDisconnected", "The bridge has not had a live XMPP stream for 10 minutes (bin/admin status says "
                + "why: its last failure).", up, ComparisonOperator.LESS_THAN_THRESHOLD, 1, 2, TreatMissingData.BREACHING);
    }

    /**
     * Many messages answered with an error instead of leaving as SMS, from the bridge's EMF lines: the provider refusing
     * (credentials, a suspended number, the account's balance), or users without a mapping.
     */
    public void outboundRefusals() {
        alarm("OutboundRefusals", "At least 10 outbound messages in 15 minutes were answered with an error instead of "
                + "being sent (the dashboard shows the conditions).",
                GatewayDashboard.emf(EmfMetrics.OUTBOUND_REFUSED, "Sum", Duration.minutes(15)),
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 10, 1, TreatMissingData.NOT_BREACHING);
    }

    /** Every alarm made so far, for the dashboard. */
    public List<IAlarm> alarms() {
        return List.copyOf(alarms);
    }

    private void alarm(String id, String description, IMetric metric, ComparisonOperator comparison, double threshold,
            int periods, TreatMissingData missing) {
        Alarm alarm = Alarm.Builder.create(this, id).alarmDescription(description).metric(metric)
                .comparisonOperator(comparison).threshold(threshold).evaluationPeriods(periods)
                .treatMissingData(missing).build();
        alarm.addAlarmAction(new SnsAction(topic));
        alarms.add(alarm);
    }
}
