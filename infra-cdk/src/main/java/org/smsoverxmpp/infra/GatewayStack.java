package org.smsoverxmpp.infra;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The whole gateway. With {@code -c localstack=true} it leaves out ECS and CloudFront, which LocalStack's free
 * edition lacks; with {@code -c rehearsal=true}, what moto's CloudFormation cannot create (docs/configuration.md).
 */
public final class GatewayStack extends Stack {

    public GatewayStack(Construct scope, String id, StackProps props, GatewaySettings settings) {
        super(scope, id, props);
        FifoQueue events = new FifoQueue(this, "Events", FifoQueue.EVENTS);
        FifoQueue outbox = new FifoQueue(this, "Outbox", FifoQueue.OUTBOX);
        MappingsTable mappings = new MappingsTable(this, "Mappings");
        SentMessagesTable sent = new SentMessagesTable(this, "Sent");
        MediaBucket media = new MediaBucket(this, "Media");
        Optional<MediaDistribution> cdn = settings.localstack() || settings.rehearsal() ? Optional.empty()
                : Optional.of(new MediaDistribution(this, "MediaCdn", media.bucket()));
        GatewaySecrets secrets = new GatewaySecrets(this, "Secrets", settings.rehearsal());
        WebhookApi api = new WebhookApi(this, "Webhook", settings);
        WebhookFunction webhook = new WebhookFunction(this, "WebhookFunction", settings, events.queue(),
                secrets.twilioWebhook(), api.baseUrl());
        api.route("sms", webhook.live());
        api.route("status", webhook.live());

        GatewayAlarms alarms = new GatewayAlarms(this, "Alarms", settings.alarmEmail());
        alarms.deadLetters("DeadLetters", "SMS or events the bridge could not deliver are in the dead-letter queue "
                + "(bin/admin dlq replay).", events.deadLetters().metricApproximateNumberOfMessagesVisible());
        alarms.deadLetters("OutboxDeadLetters", "Messages the bridge could not hand to Twilio are in the outbox's "
                + "dead-letter queue.", outbox.deadLetters().metricApproximateNumberOfMessagesVisible());
        alarms.webhookErrors(webhook.function().metricErrors(), api.api().metricServerError());

        if (!settings.localstack()) {
            BridgeTask task = new BridgeTask(this, "BridgeTask", new BridgeTask.Props(settings, events, outbox,
                    mappings.table(), sent.table(), media.bucket(), cdn.map(MediaDistribution::baseUrl), secrets,
                    api.url("status")));
            new BridgeService(this, "Bridge", Network.vpc(this, settings), task, settings.fargateSpot());
            alarms.bridgeDisconnected();
        }
        alarms.outboundRefusals();
        // moto's CloudFormation has no model for alarms, so in the rehearsal nothing may refer to one.
        new GatewayDashboard(this, "Dashboard", new GatewayDashboard.Props(events, outbox, api.api(), webhook.function(),
                settings.rehearsal() ? List.of() : alarms.alarms()));

        output("SmsWebhookUrl", api.url("sms"), "Twilio number > Messaging > 'A message comes in' (HTTP POST). "
                + "Append '#rc=5&rp=ct,rt,5xx' so Twilio retries timeouts and 5xx answers");
        output("StatusWebhookUrl", api.url("status"), "delivery-status callbacks (set by the bridge on each SMS)");
        output("MappingsTableName", mappings.table().getTableName(), "the mappings table");
        output("QueueUrl", events.queue().getQueueUrl(), "the events queue");
        output("DeadLetterQueueUrl", events.deadLetters().getQueueUrl(), "undeliverable events");
        output("OutboxQueueUrl", outbox.queue().getQueueUrl(), "outbound messages waiting for Twilio");
        cdn.ifPresent(distribution -> output("MediaBaseUrl", distribution.baseUrl(), "where clients open re-hosted MMS media"));
        output("FillTwilioWebhookSecret", putSecret(GatewaySecrets.TWILIO_WEBHOOK,
                "{\"accountSid\":\"AC...\",\"authToken\":\"...\"}"),
                "the auth token the webhook checks signatures with (Twilio console > Account > API keys & tokens); "
                        + "the webhook reads it again within 5 minutes, or a minute after a signature mismatch");
        output("FillTwilioApiSecret", putSecret(GatewaySecrets.TWILIO_API,
                "{\"accountSid\":\"AC...\",\"apiKeySid\":\"SK...\",\"apiKeySecret\":\"...\"}"),
                "the API key the bridge sends with; then restart the bridge: aws ecs update-service --cluster "
                        + BridgeService.CLUSTER + " --service " + BridgeService.SERVICE + " --force-new-deployment");
        output("ShowComponentSecret", "aws secretsmanager get-secret-value --secret-id " + GatewaySecrets.COMPONENT
                + " --query SecretString --output text", "put it in the XMPP server: Component \"" + settings.componentDomain()
                + "\" component_secret = \"...\"");
        output("AddFirstMapping", "java -jar ecs-xmpp-bridge/target/ecs-xmpp-bridge-*-all.jar mappings put "
                + "you@example.com +15551234567 --table " + MappingsTable.NAME, "map your JID to your Twilio number");
    }

    private static String putSecret(String name, String json) {
        return "aws secretsmanager put-secret-value --secret-id " + name + " --secret-string '" + json + "'";
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
