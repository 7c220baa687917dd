package org.smsoverxmpp.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.secretsmanager.ISecret;
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
        DeployedProviders providers = settings.providers();
        GatewaySecrets secrets = new GatewaySecrets(this, "Secrets", providers.list(), settings.rehearsal());
        WebhookApi api = new WebhookApi(this, "Webhook", settings);
        Map<Provider, ISecret> webhookSecrets = new LinkedHashMap<>();
        providers.list().forEach(provider -> webhookSecrets.put(provider, secrets.webhook(provider)));
        WebhookFunction webhook = new WebhookFunction(this, "WebhookFunction", settings, events.queue(), webhookSecrets,
                api.baseUrl());
        for (Provider provider : providers.list()) {
            providers.webhooks(provider).routes().forEach(route -> api.route(route.path(), webhook.live(), provider));
        }
        // "Twilio" when it is the only one, as the texts were before providers were a choice.
        String providerText = providers.alone().map(Provider::title).orElse("the SMS provider");

        GatewayAlarms alarms = new GatewayAlarms(this, "Alarms", settings.alarmEmail());
        alarms.deadLetters("DeadLetters", "SMS or events the bridge could not deliver are in the dead-letter queue "
                + "(bin/admin dlq replay).", events.deadLetters().metricApproximateNumberOfMessagesVisible());
        alarms.deadLetters("OutboxDeadLetters", "Messages the bridge could not hand to " + providerText + " are in the "
                + "outbox's dead-letter queue.", outbox.deadLetters().metricApproximateNumberOfMessagesVisible());
        alarms.webhookErrors(providers.alone().map(p -> p.title() + " retries").orElse("the providers retry"),
                webhook.function().metricErrors(), api.api().metricServerError());

        if (!settings.localstack()) {
            BridgeTask task = new BridgeTask(this, "BridgeTask", new BridgeTask.Props(settings, events, outbox,
                    mappings.table(), sent.table(), media.bucket(), cdn.map(MediaDistribution::baseUrl), secrets,
                    api.baseUrl()));
            new BridgeService(this, "Bridge", Network.vpc(this, settings), task, settings.fargateSpot(),
                    providers.alone().map(Provider::title).orElse("SMS providers"));
            alarms.bridgeDisconnected();
        }
        alarms.outboundRefusals();
        // moto's CloudFormation has no model for alarms, so in the rehearsal nothing may refer to one.
        new GatewayDashboard(this, "Dashboard", new GatewayDashboard.Props(events, outbox, api.api(), webhook.function(),
                settings.rehearsal() ? List.of() : alarms.alarms()));

        for (Provider deployed : providers.list()) {
            for (Provider.Route route : providers.webhooks(deployed).routes()) {
                route.output().ifPresent(output -> output(output, api.url(route.path()), route.console()));
            }
        }
        output("MappingsTableName", mappings.table().getTableName(), "the mappings table");
        output("QueueUrl", events.queue().getQueueUrl(), "the events queue");
        output("DeadLetterQueueUrl", events.deadLetters().getQueueUrl(), "undeliverable events");
        output("OutboxQueueUrl", outbox.queue().getQueueUrl(), "outbound messages waiting for " + providerText);
        cdn.ifPresent(distribution -> output("MediaBaseUrl", distribution.baseUrl(), "where clients open re-hosted MMS media"));
        // ECS injects the API secrets only when it starts a task.
        String restart = "; then restart the bridge: aws ecs update-service --cluster " + BridgeService.CLUSTER
                + " --service " + BridgeService.SERVICE + " --force-new-deployment";
        for (Provider deployed : providers.list()) {
            output("Fill" + deployed.title() + "WebhookSecret", putSecret(deployed.webhookSecretName(),
                    deployed.webhookSecret().example()), deployed.webhookSecret().hint());
            output("Fill" + deployed.title() + "ApiSecret", putSecret(deployed.apiSecretName(),
                    deployed.apiSecret().example()), deployed.apiSecret().hint() + restart);
        }
        output("ShowComponentSecret", "aws secretsmanager get-secret-value --secret-id " + GatewaySecrets.COMPONENT
                + " --query SecretString --output text", "put it in the XMPP server: Component \"" + settings.componentDomain()
                + "\" component_secret = \"...\"");
        output("AddFirstMapping", "java -jar ecs-xmpp-bridge/target/ecs-xmpp-bridge-*-all.jar mappings put "
                + "you@example.com +15551234567 --table " + MappingsTable.NAME, "map your JID to your "
                + providers.alone().map(p -> p.title() + " number").orElse("number (at " + providers.byDefault().title()
                        + ", the default, unless the mapping names another provider)"));
    }

    private static String putSecret(String name, String json) {
        return "aws secretsmanager put-secret-value --secret-id " + name + " --secret-string '" + json + "'";
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
