package org.smsoverxmpp.infra;

import java.util.List;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcLookupOptions;
import software.constructs.Construct;

/**
 * Public subnets only, no NAT gateway: the task reaches the XMPP server, AWS and Twilio through its own public
 * IP (about $3.65 a month). A default CDK VPC's NAT gateways would cost about $65 a month, more than all the
 * rest together. An existing VPC can be used instead ({@code -c vpcId=vpc-...}).
 */
final class Network {
    private Network() {
    }

    static IVpc vpc(Construct scope, GatewaySettings settings) {
        if (settings.vpcId().isPresent()) {
            return Vpc.fromLookup(scope, "Vpc", VpcLookupOptions.builder().vpcId(settings.vpcId().get()).build());
        }
        Vpc vpc = Vpc.Builder.create(scope, "Vpc")
                .maxAzs(2)
                .natGateways(0)
                .subnetConfiguration(List.of(SubnetConfiguration.builder()
                        .name("public").subnetType(SubnetType.PUBLIC).cidrMask(24).build()))
                .build();
        Suppressions.suppress(vpc, "AwsSolutions-VPC7", "Flow logs would cost more than the traffic they record; the "
                + "only workload has no inbound rules.");
        return vpc;
    }
}
