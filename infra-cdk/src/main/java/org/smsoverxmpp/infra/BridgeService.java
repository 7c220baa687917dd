package org.smsoverxmpp.infra;

import java.util.List;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ecs.CapacityProviderStrategy;
import software.amazon.awscdk.services.ecs.CfnClusterCapacityProviderAssociations;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.constructs.Construct;

/**
 * The bridge on ECS Fargate: one task in a public subnet with a public IP and no inbound rules, so no NAT
 * gateway is needed. Deployments stop the old task before starting the new one: XMPP servers accept one
 * connection per component.
 */
public final class BridgeService extends Construct {
    public static final String CLUSTER = "sms-over-xmpp";
    public static final String SERVICE = "bridge";

    private final FargateService service;

    /** @param providers whom the bridge sends through, for the security group's description: "Twilio" */
    public BridgeService(Construct scope, String id, IVpc vpc, BridgeTask task, boolean fargateSpot, String providers) {
        super(scope, id);
        // Fixed names, so the admin CLI's status finds them without flags.
        Cluster cluster = Cluster.Builder.create(this, "Cluster").clusterName(CLUSTER).vpc(vpc).build();
        String provider = fargateSpot ? "FARGATE_SPOT" : "FARGATE";
        // Declared here rather than left to enableFargateCapacityProviders, whose association CDK adds only at synth
        // time: ECS rejects a service whose capacity provider is not yet associated with its cluster, so the
        // service must depend on the association, or CloudFormation may create the service first.
        CfnClusterCapacityProviderAssociations capacityProviders = CfnClusterCapacityProviderAssociations.Builder
                .create(this, "CapacityProviders")
                .cluster(cluster.getClusterName())
                .capacityProviders(List.of("FARGATE", "FARGATE_SPOT"))
                .defaultCapacityProviderStrategy(List.of(CfnClusterCapacityProviderAssociations.CapacityProviderStrategyProperty
                        .builder().capacityProvider(provider).weight(1).build()))
                .build();
        // CloudFormation replaces a security group whose description changes: Twilio alone keeps the text it had.
        ISecurityGroup noInbound = SecurityGroup.Builder.create(this, "SecurityGroup").vpc(vpc)
                .description("sms-over-xmpp bridge: outbound only (XMPP server, AWS APIs, " + providers + ")")
                .allowAllOutbound(true).build();
        service = FargateService.Builder.create(this, "Resource")
                .cluster(cluster)
                .serviceName(SERVICE)
                .taskDefinition(task.task())
                .desiredCount(1)
                .minHealthyPercent(0)
                .maxHealthyPercent(100)
                .circuitBreaker(DeploymentCircuitBreaker.builder().enable(true).rollback(true).build())
                .assignPublicIp(true)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                .securityGroups(List.of(noInbound))
                .capacityProviderStrategies(List.of(CapacityProviderStrategy.builder()
                        .capacityProvider(provider).weight(1).build()))
                .build();
        service.getNode().addDependency(capacityProviders);

        Suppressions.suppress(cluster, "AwsSolutions-ECS4", "Container Insights costs more than the task; the bridge "
                + "logs its own metrics (EMF) that feed the dashboard and the disconnected alarm, and ECS reports task health.");
    }

    public FargateService service() {
        return service;
    }
}
