package org.smsoverxmpp.infra;

import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * Serves re-hosted media from the private bucket over HTTPS, like a XEP-0363 upload service hands out
 * capability URLs: whoever holds a URL can open it in any client, without credentials and without expiry,
 * and nobody can list the files or guess one (each key carries 128 random bits). CloudFront reads the bucket
 * through origin access control (OAC): the bucket policy lets only this distribution get objects.
 */
public final class MediaDistribution extends Construct {
    private final Distribution distribution;

    public MediaDistribution(Construct scope, String id, IBucket bucket) {
        super(scope, id);
        distribution = Distribution.Builder.create(this, "Resource")
                .comment("sms-over-xmpp: re-hosted MMS media")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(bucket))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                        .allowedMethods(AllowedMethods.ALLOW_GET_HEAD)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .compress(true)
                        .build())
                // North America and Europe edges only: the cheapest class; media still reach everyone, a little slower.
                .priceClass(PriceClass.PRICE_CLASS_100)
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .build();
        Suppressions.suppress(distribution, "AwsSolutions-CFR1", "Media are sent to the users' own XMPP clients, "
                + "wherever they are; a country list would only break travelling users.");
        Suppressions.suppress(distribution, "AwsSolutions-CFR2", "A WAF costs $5 a month plus $1 per rule, more than "
                + "half the idle gateway; the URLs are unguessable and only GET/HEAD are allowed.");
        Suppressions.suppress(distribution, "AwsSolutions-CFR3", "Access logs would hold every media URL, the only "
                + "secret protecting each file.");
        Suppressions.suppress(distribution, "AwsSolutions-CFR4", "The distribution serves on its own *.cloudfront.net "
                + "name, whose default certificate CloudFront pins to the TLSv1 security policy; TLSv1.2_2021 needs a "
                + "custom domain with an ACM certificate, which the gateway does not ask its operator for.");
    }

    /** What the bridge puts in front of each object key: {@code https://<distribution domain>}. */
    public String baseUrl() {
        return "https://" + distribution.getDistributionDomainName();
    }

    public Distribution distribution() {
        return distribution;
    }
}
