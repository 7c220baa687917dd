package org.smsoverxmpp.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.List;
import software.constructs.IConstruct;

/** cdk-nag suppressions, each with its written reason, attached to the construct it concerns. */
final class Suppressions {
    private Suppressions() {
    }

    static void suppress(IConstruct construct, String rule, String reason) {
        NagSuppressions.addResourceSuppressions(construct,
                List.of(NagPackSuppression.builder().id(rule).reason(reason).build()), true);
    }

    /** For findings named after a generated logical id: matched by a regular expression, never a hard-coded hash. */
    static void suppressMatching(IConstruct construct, String rule, String reason, String appliesToRegex) {
        NagSuppressions.addResourceSuppressions(construct, List.of(NagPackSuppression.builder().id(rule).reason(reason)
                .appliesTo(List.of(RegexAppliesTo.builder().regex(appliesToRegex).build())).build()), true);
    }

    static void suppress(IConstruct construct, String rule, String reason, List<String> appliesTo) {
        NagSuppressions.addResourceSuppressions(construct, List.of(NagPackSuppression.builder().id(rule).reason(reason)
                .appliesTo(appliesTo.stream().map(a -> (Object) a).toList()).build()), true);
    }
}
