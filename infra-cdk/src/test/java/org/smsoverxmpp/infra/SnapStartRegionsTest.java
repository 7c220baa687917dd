package org.smsoverxmpp.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

/** Synth says whether the deploy's region offers SnapStart, instead of the deploy failing half-way. */
class SnapStartRegionsTest {
    static Annotations synthIn(String region, Map<String, Object> context) {
        return Annotations.fromStack(Synth.of(context, Map.of("CDK_DEFAULT_REGION", region)).stack);
    }

    @Test
    void aRegionWithoutSnapStartIsAnErrorWithTheFix() {
        assertThat(synthIn("ap-southeast-6", Map.of()).findError("*",
                Match.stringLikeRegexp(".*SnapStart.*not offered in ap-southeast-6.*-c snapStart=false.*"))).hasSize(1);
    }

    @Test
    void snapStartCanBeTurnedOffForSuchARegion() {
        Synth off = Synth.of(Map.of("snapStart", "false"), Map.of("CDK_DEFAULT_REGION", "ap-east-2"));
        assertThat(Annotations.fromStack(off.stack).findError("*", Match.anyValue())).isEmpty();
        off.template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of("SnapStart", Match.absent())));
    }

    @Test
    void aRegionWithSnapStartSaysNothing() {
        assertThat(synthIn("eu-west-1", Map.of()).findError("*", Match.stringLikeRegexp(".*SnapStart.*"))).isEmpty();
        assertThat(synthIn("eu-west-1", Map.of()).findInfo("*", Match.stringLikeRegexp(".*SnapStart.*"))).isEmpty();
    }

    @Test
    void anUnknownRegionIsReportedAsUnchecked() {
        Synth agnostic = Synth.of(Map.of());
        assertThat(Annotations.fromStack(agnostic.stack).findInfo("*",
                Match.stringLikeRegexp("SnapStart availability could not be checked.*"))).hasSize(1);
    }

    @Test
    void aRegionOutsideTheCommercialPartitionIsReportedAsUnchecked() {
        assertThat(synthIn("us-gov-west-1", Map.of()).findWarning("*",
                Match.stringLikeRegexp(".*SnapStart availability could not be checked for us-gov-west-1.*"))).hasSize(1);
    }
}
