package org.smsoverxmpp.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.IgnoreMode;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.CapacityProviderStrategy;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.HealthCheck;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The bridge on ECS Fargate: one ARM64 task (0.25 vCPU, 0.5 GB) in a public subnet with a public IP and no
 * inbound rules, so no NAT gateway is needed. Deployments stop the old task before starting the new one:
 * XMPP servers accept one connection per component.
 */
public final class BridgeService extends Construct {
    public static final String CLUSTER = "sms-over-xmpp";
    public static final String SERVICE = "bridge";

    private final FargateService service;
    private final LogGroup logs;

    public BridgeService(Construct scope, String id, GatewaySettings settings, IVpc vpc, IQueue queue, ITable mappings,
            ITable sent, IBucket media, GatewaySecrets secrets, String statusCallbackUrl) {
        super(scope, id);
        // Fixed names, so the admin CLI's status finds them without flags.
        Cluster cluster = Cluster.Builder.create(this, "Cluster").clusterName(CLUSTER).vpc(vpc)
                .enableFargateCapacityProviders(true).build();
        logs = LogGroup.Builder.create(this, "Logs").retention(Retention.days(settings.logRetentionDays())).build();

        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "Task")
                .cpu(256).memoryLimitMiB(512)
                .runtimePlatform(RuntimePlatform.builder().cpuArchitecture(CpuArchitecture.ARM64)
                        .operatingSystemFamily(OperatingSystemFamily.LINUX).build())
                .build();
        task.addContainer("bridge", ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromAsset(Artifacts.bridgeImageDirectory(settings.artifactRoot()).toString(),
                        AssetImageProps.builder().platform(Platform.LINUX_ARM64).ignoreMode(IgnoreMode.DOCKER).build()))
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix("bridge").build()))
                .environment(Map.of(
                        "XMPP_HOST", settings.xmppHost(),
                        "XMPP_PORT", Integer.toString(settings.xmppPort()),
                        "XMPP_DIRECT_TLS", Boolean.toString(settings.xmppDirectTls()),
                        "COMPONENT_DOMAIN", settings.componentDomain(),
                        "QUEUE_URL", queue.getQueueUrl(),
                        "MAPPINGS_TABLE", mappings.getTableName(),
                        "MAPPINGS_NUMBER_INDEX", MappingsTable.NUMBER_INDEX,
                        "SENT_TABLE", sent.getTableName(),
                        "MEDIA_BUCKET", media.getBucketName(),
                        "TWILIO_STATUS_CALLBACK_URL", statusCallbackUrl))
                .secrets(Map.of(
                        "COMPONENT_SECRET", Secret.fromSecretsManager(secrets.component()),
                        "TWILIO_ACCOUNT_SID", Secret.fromSecretsManager(secrets.twilio(), "accountSid"),
                        "TWILIO_API_KEY_SID", Secret.fromSecretsManager(secrets.twilio(), "apiKeySid"),
                        "TWILIO_API_KEY_SECRET", Secret.fromSecretsManager(secrets.twilio(), "apiKeySecret")))
                // The bridge touches /tmp/healthy every minute (HEALTH_FILE in the image).
                .healthCheck(HealthCheck.builder()
                        .command(List.of("CMD-SHELL", "test -n \"$(find /tmp/healthy -mmin -3 2>/dev/null)\""))
                        .interval(Duration.seconds(60)).timeout(Duration.seconds(5)).retries(3)
                        .startPeriod(Duration.seconds(120)).build())
                .stopTimeout(Duration.seconds(30))
                .build());
        queue.grantConsumeMessages(task.getTaskRole());
        // Exactly the two reads the bridge makes; grantReadData would add Scan and a wildcard over all indexes.
        task.getTaskRole().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("dynamodb:GetItem")).resources(List.of(mappings.getTableArn())).build());
        task.getTaskRole().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("dynamodb:Query"))
                .resources(List.of(mappings.getTableArn() + "/index/" + MappingsTable.NUMBER_INDEX)).build());
        task.getTaskRole().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("dynamodb:BatchWriteItem", "dynamodb:PutItem", "dynamodb:GetItem"))
                .resources(List.of(sent.getTableArn())).build());
        task.getTaskRole().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject")).resources(List.of(media.arnForObjects("media/*"))).build());

        ISecurityGroup noInbound = SecurityGroup.Builder.create(this, "SecurityGroup").vpc(vpc)
                .description("sms-over-xmpp bridge: outbound only (XMPP server, AWS APIs, Twilio)")
                .allowAllOutbound(true).build();
        service = FargateService.Builder.create(this, "Resource")
                .cluster(cluster)
                .serviceName(SERVICE)
                .taskDefinition(task)
                .desiredCount(1)
                .minHealthyPercent(0)
                .maxHealthyPercent(100)
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .assignPublicIp(true)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                .securityGroups(List.of(noInbound))
                .capacityProviderStrategies(List.of(CapacityProviderStrategy.builder()
                        .capacityProvider(settings.fargateSpot() ? "FARGATE_SPOT" : "FARGATE").weight(1).build()))
                .build();

        Suppressions.suppress(this, "AwsSolutions-ECS2", "Only non-secret settings are environment variables; the "
                + "component secret and Twilio credentials come from Secrets Manager as ECS secrets.");
        Suppressions.suppress(cluster, "AwsSolutions-ECS4", "Container Insights costs more than the task; the bridge "
                + "logs a heartbeat that feeds the disconnected alarm, and ECS reports task health.");
        Suppressions.suppress(this, "AwsSolutions-IAM5", "CDK's grants for the task's image pull and log writing, "
                + "scoped by the ECS service; no action is a wildcard.",
                List.of("Resource::*"));
        Suppressions.suppressMatching(task, "AwsSolutions-IAM5", "The bridge writes re-hosted media under random "
                + "names, so it may put any object below media/ (and nothing else, and read none).",
                "/^Resource::<Media[A-Z0-9]+\\.Arn>\\/media\\/\\*$/");
    }

    public FargateService service() {
        return service;
    }

    public LogGroup logs() {
        return logs;
    }
}
