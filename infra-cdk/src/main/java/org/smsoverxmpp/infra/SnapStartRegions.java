package org.smsoverxmpp.infra;

import java.util.List;
import java.util.Set;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Token;
import software.constructs.IConstruct;

/**
 * Where Lambda SnapStart for Java is offered, checked at synth time so an unsupported region fails with the
 * fix in hand rather than half-way through a deploy.
 *
 * <p>Source: AWS Lambda Developer Guide, "Improving startup performance with Lambda SnapStart", section
 * "Supported Regions" (docs.aws.amazon.com/lambda/latest/dg/snapstart.html), read 2026-12-01: SnapStart is
 * available in all commercial Regions except Asia Pacific (New Zealand) and Asia Pacific (Taipei). The guide
 * says nothing of the GovCloud, China or isolated partitions, so those are reported as unchecked.
 */
final class SnapStartRegions {
    /** Asia Pacific (New Zealand), Asia Pacific (Taipei). */
    static final Set<String> NOT_OFFERED = Set.of("ap-southeast-6", "ap-east-2");
    private static final List<String> OTHER_PARTITIONS = List.of("cn-", "us-gov-", "us-iso", "eu-iso");
    private static final String FIX = "deploy with -c snapStart=false (the webhook then starts without a snapshot, "
            + "a few seconds on a cold start), or to another region";

    private SnapStartRegions() {
    }

    /** Adds an error, a warning or an info to {@code scope} saying whether SnapStart can be had in {@code region}. */
    static void check(IConstruct scope, String region) {
        Annotations annotations = Annotations.of(scope);
        if (Token.isUnresolved(region)) {
            annotations.addInfo("SnapStart availability could not be checked: the stack's region is not known at synth "
                    + "time (set AWS_REGION or a profile's region before cdk synth/deploy to check it). SnapStart is "
                    + "offered in every commercial region except " + String.join(" and ", NOT_OFFERED.stream().sorted().toList())
                    + ".");
        } else if (NOT_OFFERED.contains(region)) {
            annotations.addError("Lambda SnapStart for Java is not offered in " + region + ", so the deploy would fail: "
                    + FIX + ".");
        } else if (OTHER_PARTITIONS.stream().anyMatch(region::startsWith)) {
            annotations.addWarningV2("sms-over-xmpp:snapStartUnchecked", "SnapStart availability could not be checked "
                    + "for " + region + ": AWS lists it for the commercial regions only. If the deploy fails on SnapStart, "
                    + FIX + ".");
        }
    }
}
