package org.smsoverxmpp.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * Re-hosted MMS media. Objects under {@code media/} are readable by whoever holds their URL, which carries 128
 * random bits, like a XEP-0363 upload; the bucket cannot be listed, and objects expire after
 * {@link #LIFETIME_DAYS} days.
 */
public final class MediaBucket extends Construct {
    public static final int LIFETIME_DAYS = 30;

    private final Bucket bucket;

    public MediaBucket(Construct scope, String id) {
        super(scope, id);
        bucket = Bucket.Builder.create(this, "Resource")
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                // ACLs stay blocked; only the bucket policy below makes media/* readable.
                .blockPublicAccess(BlockPublicAccess.Builder.create().blockPublicAcls(true).ignorePublicAcls(true)
                        .blockPublicPolicy(false).restrictPublicBuckets(false).build())
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-media").prefix("media/")
                        .expiration(Duration.days(LIFETIME_DAYS)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("s3:GetObject"))
                .resources(List.of(bucket.arnForObjects("media/*")))
                .build());
        Suppressions.suppress(bucket, "AwsSolutions-S1", "Access logs would hold every media URL, the only secret "
                + "protecting each file; media expire after " + LIFETIME_DAYS + " days.");
        Suppressions.suppress(bucket, "AwsSolutions-S2", "Clients must open media without credentials, as with "
                + "XEP-0363 uploads: objects under media/ are readable by URL only, keys carry 128 random bits, "
                + "listing is not allowed and ACLs stay blocked.");
    }

    public Bucket bucket() {
        return bucket;
    }
}
