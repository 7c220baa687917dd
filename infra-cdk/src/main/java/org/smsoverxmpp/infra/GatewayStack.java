package org.smsoverxmpp.infra;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/** The whole gateway. With {@code -c localstack=true} it leaves out ECS, which LocalStack's free edition lacks. */
public final class GatewayStack extends Stack {

    public GatewayStack(Construct scope, String id, StackProps props, GatewaySettings settings) {
        super(scope, id, props);
        EventQueue events = new EventQueue(this, "Events");
        MappingsTable mappings = new MappingsTable(this, "Mappings");
        SentMessagesTable sent = new SentMessagesTable(this, "Sent");
        MediaBucket media = new MediaBucket(this, "Media");
        GatewaySecrets secrets = new GatewaySecrets(this, "Secrets");
        WebhookApi webhook = new WebhookApi(this, "Webhook", settings, events.queue(), secrets.twilio());
        GatewayAlarms alarms = new GatewayAlarms(this, "Alarms", settings.alarmEmail());
        alarms.deadLetters(events.deadLetters().metricApproximateNumberOfMessagesVisible());
        alarms.webhookErrors(webhook.function().metricErrors(), webhook.api().metricServerError());

        if (!settings.localstack()) {
            BridgeService bridge = new BridgeService(this, "Bridge", settings, Network.vpc(this, settings),
                    events.queue(), mappings.table(), sent.table(), media.bucket(), secrets, webhook.url("status"));
            alarms.bridgeDisconnected(bridge.logs());
        }

        output("SmsWebhookUrl", webhook.url("sms"), "Twilio number > Messaging > 'A message comes in' (HTTP POST). "
                + "Append '#rc=5&rp=ct,rt,5xx' so Twilio retries on 5xx");
        output("StatusWebhookUrl", webhook.url("status"), "delivery-status callbacks (set by the bridge on each SMS)");
        output("MappingsTableName", mappings.table().getTableName(), "the mappings table");
        output("QueueUrl", events.queue().getQueueUrl(), "the events queue");
        output("DeadLetterQueueUrl", events.deadLetters().getQueueUrl(), "undeliverable events");
        output("FillTwilioSecret", "aws secretsmanager put-secret-value --secret-id " + GatewaySecrets.TWILIO
                + " --secret-string '{\"accountSid\":\"AC...\",\"authToken\":\"...\",\"apiKeySid\":\"SK...\",\"apiKeySecret\":\"...\"}'",
                "then restart the bridge: aws ecs update-service --force-new-deployment ...");
        output("ShowComponentSecret", "aws secretsmanager get-secret-value --secret-id " + GatewaySecrets.COMPONENT
                + " --query SecretString --output text", "put it in the XMPP server: Component \"" + settings.componentDomain()
                + "\" component_secret = \"...\"");
        output("AddFirstMapping", "java -jar ecs-xmpp-bridge/target/ecs-xmpp-bridge-*-all.jar mappings put "
                + "you@example.com +15551234567 --table " + MappingsTable.NAME, "map your JID to your Twilio number");
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
