package org.smsoverxmpp.infra;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * Re-hosted MMS media: a private bucket (Block Public Access fully on) that only the bridge writes to and only
 * the media distribution ({@link MediaDistribution}) reads from. Objects under {@code media/} expire after
 * {@link #LIFETIME_DAYS} days.
 *
 * <p>Kept when the stack is deleted (CloudFormation cannot delete a bucket with objects in it), but deleted
 * when the stack's first create fails, when it is still empty.
 */
public final class MediaBucket extends Construct {
    public static final int LIFETIME_DAYS = 30;
    public static final String PREFIX = "media/";

    private final Bucket bucket;

    public MediaBucket(Construct scope, String id) {
        super(scope, id);
        bucket = Bucket.Builder.create(this, "Resource")
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-media").prefix(PREFIX)
                        .expiration(Duration.days(LIFETIME_DAYS)).build()))
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE)
                .build();
        Suppressions.suppress(bucket, "AwsSolutions-S1", "Access logs would hold every media URL, the only secret "
                + "protecting each file; media expire after " + LIFETIME_DAYS + " days.");
    }

    public Bucket bucket() {
        return bucket;
    }
}
