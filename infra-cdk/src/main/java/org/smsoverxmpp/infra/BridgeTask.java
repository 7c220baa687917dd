package org.smsoverxmpp.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.IgnoreMode;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import org.smsoverxmpp.bridge.status.StateItem;
import software.constructs.Construct;

/**
 * The bridge's task: one container (0.25 vCPU, 0.5 GB), its settings, its secrets and exactly the AWS calls it
 * makes. ARM64 on on-demand Fargate; X86_64 on Fargate Spot, which runs nothing else.
 */
public final class BridgeTask extends Construct {
    /**
     * Fargate's longest stop timeout, and a Spot interruption's notice: SIGTERM, then this long before SIGKILL.
     * The bridge derives its shutdown budget from it ({@code STOP_TIMEOUT_SECONDS}).
     */
    public static final int STOP_TIMEOUT_SECONDS = 120;

    /**
     * @param mediaBaseUrl   where clients open re-hosted media; empty leaves the bridge's default (the rehearsal's
     *                       emulator has no CloudFront)
     * @param webhookBaseUrl the webhook's public URL without the route: the providers' callbacks go under it
     */
    public record Props(GatewaySettings settings, FifoQueue events, FifoQueue outbox, ITable mappings, ITable sent,
            IBucket media, Optional<String> mediaBaseUrl, GatewaySecrets secrets, String webhookBaseUrl) {
    }

    private final FargateTaskDefinition task;
    private final LogGroup logs;

    public BridgeTask(Construct scope, String id, Props props) {
        super(scope, id);
        GatewaySettings settings = props.settings();
        logs = LogGroup.Builder.create(this, "Logs").retention(Retention.days(settings.logRetentionDays()))
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE).build();
        task = FargateTaskDefinition.Builder.create(this, "Resource")
                .cpu(256).memoryLimitMiB(512)
                .runtimePlatform(RuntimePlatform.builder().cpuArchitecture(architecture(settings))
                        .operatingSystemFamily(OperatingSystemFamily.LINUX).build())
                .build();
        task.addContainer("bridge", ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromAsset(Artifacts.bridgeImageDirectory(settings.artifactRoot()).toString(),
                        AssetImageProps.builder().platform(imagePlatform(settings)).ignoreMode(IgnoreMode.DOCKER).build()))
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix("bridge").build()))
                .environment(environment(props))
                .secrets(secrets(settings.providers(), props.secrets(), caSecret(settings)))
                // The bridge rewrites /tmp/healthy (HEALTH_FILE in the image) every minute while it is healthy, and
                // removes it when it is not (no stream for HEALTH_DISCONNECTED_MINUTES, and not a refusal a restart
                // cannot fix); a file older than 3 minutes means the process is stuck.
                .healthCheck(HealthCheck.builder()
                        .command(List.of("CMD-SHELL", "test -n \"$(find /tmp/healthy -mmin -3 2>/dev/null)\""))
                        .interval(Duration.seconds(60)).timeout(Duration.seconds(5)).retries(3)
                        .startPeriod(Duration.seconds(120)).build())
                .stopTimeout(Duration.seconds(STOP_TIMEOUT_SECONDS))
                .build());
        grant(task.getTaskRole(), props);
        if (settings.xmpp().tls() == XmppLink.Tls.NONE) {
            Annotations.of(this).addWarningV2("sms-over-xmpp:xmppCleartext", "xmppTls=none: every SMS, number and stanza "
                    + "crosses the network to " + settings.xmpp().host() + " unencrypted and unauthenticated.");
        }

        Suppressions.suppress(this, "AwsSolutions-ECS2", "Only non-secret settings are environment variables; the "
                + "component secret, " + settings.providers().titles() + " credentials and the XMPP CA come from Secrets "
                + "Manager as ECS secrets.");
        Suppressions.suppress(this, "AwsSolutions-IAM5", "CDK's grants for the task's image pull and log writing, "
                + "scoped by the ECS service; no action is a wildcard.",
                List.of("Resource::*"));
        Suppressions.suppressMatching(task, "AwsSolutions-IAM5", "The bridge writes re-hosted media under random "
                + "names, so it may put any object below media/ (and nothing else, and read none).",
                "/^Resource::<Media[A-Z0-9]+\\.Arn>\\/media\\/\\*$/");
    }

    /** Fargate Spot runs X86_64 Linux tasks only; on demand, ARM64 costs about 20 % less for the same size. */
    private static CpuArchitecture architecture(GatewaySettings settings) {
        return settings.fargateSpot() ? CpuArchitecture.X86_64 : CpuArchitecture.ARM64;
    }

    private static Platform imagePlatform(GatewaySettings settings) {
        return settings.fargateSpot() ? Platform.LINUX_AMD64 : Platform.LINUX_ARM64;
    }

    private static Map<String, String> environment(Props props) {
        Map<String, String> env = new LinkedHashMap<>(props.settings().xmpp().environment());
        env.put("COMPONENT_DOMAIN", props.settings().componentDomain());
        env.put("QUEUE_URL", props.events().queue().getQueueUrl());
        env.put("DEAD_LETTER_QUEUE_URL", props.events().deadLetters().getQueueUrl());
        env.put("OUTBOX_QUEUE_URL", props.outbox().queue().getQueueUrl());
        env.put("MAPPINGS_TABLE", props.mappings().getTableName());
        env.put("MAPPINGS_NUMBER_INDEX", MappingsTable.NUMBER_INDEX);
        env.put("SENT_TABLE", props.sent().getTableName());
        env.put("MEDIA_BUCKET", props.media().getBucketName());
        props.mediaBaseUrl().ifPresent(url -> env.put("MEDIA_BASE_URL", url));
        DeployedProviders providers = props.settings().providers();
        if (providers.alone().isEmpty()) {
            // The bridge refuses to start with several providers and no default; with one, it takes that one, so a
            // single-provider task has no SMS_PROVIDER (and a Twilio task from before is unchanged).
            env.put("SMS_PROVIDER", providers.byDefault().id());
        }
        for (Provider provider : providers.list()) {
            providers.webhooks(provider).bridgeUrlRoutes().forEach((name, route) ->
                    env.put(name, props.webhookBaseUrl() + "/" + route));
        }
        env.put("STOP_TIMEOUT_SECONDS", Integer.toString(STOP_TIMEOUT_SECONDS));
        return env;
    }

    /**
     * ECS reads these with the task's execution role when it starts the task: the component secret and the deployed
     * providers' API secrets, never a webhook secret. The bridge's own role reads none.
     */
    private static Map<String, Secret> secrets(DeployedProviders providers, GatewaySecrets secrets,
            Optional<ISecret> ca) {
        Map<String, Secret> env = new LinkedHashMap<>();
        env.put("COMPONENT_SECRET", Secret.fromSecretsManager(secrets.component()));
        for (Provider provider : providers.list()) {
            provider.bridgeSecretKeys().forEach((name, key) ->
                    env.put(name, Secret.fromSecretsManager(secrets.api(provider), key)));
        }
        ca.ifPresent(secret -> env.put("XMPP_TLS_CA_PEM", Secret.fromSecretsManager(secret)));
        return env;
    }

    private Optional<ISecret> caSecret(GatewaySettings settings) {
        return settings.xmpp().caSecret().map(nameOrArn -> GatewaySecrets.existing(this, "XmppCa", nameOrArn));
    }

    /** Exactly the calls the bridge makes; grantReadData and the like would add scans and wildcards. */
    private static void grant(IGrantable role, Props props) {
        props.events().queue().grantConsumeMessages(role);
        // Events it rejects go to the dead-letter queue at once, with the reason.
        allow(role, props.events().deadLetters().getQueueArn(), "sqs:SendMessage");
        // The outbox: stored, received, deleted once sent, kept invisible while in hand; its visibility
        // timeout is read at start. What the bridge cannot read, SQS's redrive moves to its dead-letter queue.
        allow(role, props.outbox().queue().getQueueArn(), "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage",
                "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes");
        allow(role, props.mappings().getTableArn(), "dynamodb:GetItem");
        allow(role, props.mappings().getTableArn() + "/index/" + MappingsTable.NUMBER_INDEX, "dynamodb:Query");
        // Records are written 25 at a time (BatchWriteItem) and read back by the status callbacks (GetItem);
        // the recipients of a shared number who already took an SMS are added to a set (UpdateItem).
        allow(role, props.sent().getTableArn(), "dynamodb:BatchWriteItem", "dynamodb:GetItem", "dynamodb:UpdateItem");
        // Its own state for bin/admin status, once a minute: PutItem on that one key only.
        role.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("dynamodb:PutItem")).resources(List.of(props.sent().getTableArn()))
                .conditions(Map.of("ForAllValues:StringEquals", Map.of("dynamodb:LeadingKeys", List.of(StateItem.KEY))))
                .build());
        allow(role, props.media().arnForObjects(MediaBucket.PREFIX + "*"), "s3:PutObject");
    }

    private static void allow(IGrantable role, String resource, String... actions) {
        role.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of(actions)).resources(List.of(resource)).build());
    }

    public FargateTaskDefinition task() {
        return task;
    }

    public LogGroup logs() {
        return logs;
    }
}
