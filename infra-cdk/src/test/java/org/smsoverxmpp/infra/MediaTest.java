package org.smsoverxmpp.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** Re-hosted media: a private bucket, read only by CloudFront, opened by URL in any client. */
class MediaTest {
    static Synth synth;

    @BeforeAll
    static void synthesize() {
        synth = Synth.of(Map.of());
    }

    @Test
    void bucketBlocksAllPublicAccessAndExpiresMedia() {
        synth.template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "Prefix", "media/", "ExpirationInDays", MediaBucket.LIFETIME_DAYS, "Status", "Enabled")))))));
    }

    @Test
    void noBucketPolicyAllowsEveryone() {
        List<Map<?, ?>> allows = synth.resources("AWS::S3::BucketPolicy").values().stream()
                .flatMap(p -> ((List<?>) ((Map<?, ?>) Synth.properties(p).get("PolicyDocument")).get("Statement")).stream())
                .<Map<?, ?>>map(s -> (Map<?, ?>) s)
                .filter(s -> "Allow".equals(s.get("Effect")))
                .toList();
        assertThat(allows).isNotEmpty().allSatisfy(statement -> {
            assertThat(statement.get("Principal")).isNotIn("*", Map.of("AWS", "*"));
            assertThat(String.valueOf(statement.get("Principal"))).doesNotContain("*");
        });
    }

    @Test
    void onlyTheDistributionReadsTheBucketThroughOriginAccessControl() {
        String distribution = synth.only("AWS::CloudFront::Distribution");
        String oac = synth.only("AWS::CloudFront::OriginAccessControl");
        synth.template.hasResourceProperties("AWS::CloudFront::OriginAccessControl", Map.of("OriginAccessControlConfig",
                Match.objectLike(Map.of("OriginAccessControlOriginType", "s3", "SigningBehavior", "always",
                        "SigningProtocol", "sigv4"))));
        synth.template.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "Origins", List.of(Match.objectLike(Map.of("OriginAccessControlId", Map.of("Fn::GetAtt", List.of(oac, "Id"))))),
                "DefaultCacheBehavior", Match.objectLike(Map.of("ViewerProtocolPolicy", "https-only",
                        "AllowedMethods", List.of("GET", "HEAD")))))));
        synth.template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("Bucket", Match.anyValue(), "PolicyDocument",
                Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Allow", "Action", "s3:GetObject",
                        "Principal", Map.of("Service", "cloudfront.amazonaws.com"),
                        "Condition", Map.of("StringEquals", Map.of("AWS:SourceArn", Match.objectLike(Map.of("Fn::Join",
                                List.of("", Match.arrayWith(List.of(Map.of("Ref", distribution))))))))))))))));
    }

    @Test
    void bridgeLinksMediaThroughTheDistribution() {
        String distribution = synth.only("AWS::CloudFront::Distribution");
        assertThat(synth.bridgeEnvironment().get("MEDIA_BASE_URL")).isEqualTo(
                Map.of("Fn::Join", List.of("", List.of("https://", Map.of("Fn::GetAtt", List.of(distribution, "DomainName"))))));
        synth.template.hasOutput("MediaBaseUrl", Match.anyValue());
    }

    @Test
    void bridgeMayOnlyPutObjectsUnderMedia() {
        List<Map<?, ?>> s3 = synth.statementsOf(synth.taskRole()).stream()
                .filter(s -> Synth.actions(s).stream().anyMatch(a -> a.startsWith("s3:"))).toList();
        assertThat(s3).singleElement().satisfies(statement -> {
            assertThat(Synth.actions(statement)).containsExactly("s3:PutObject");
            assertThat(String.valueOf(statement.get("Resource"))).endsWith("/media/*]]}");
        });
    }
}
