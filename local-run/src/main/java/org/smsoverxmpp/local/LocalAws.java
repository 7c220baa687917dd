package org.smsoverxmpp.local;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The queue (FIFO + dead-letter queue), the outbox (likewise), mappings table and Twilio secret in an AWS
 * emulator, with the names and settings of the deployed stack. Creation is idempotent, so a long-lived LocalStack is reused.
 */
public final class LocalAws implements AutoCloseable {
    public static final String REGION = "us-east-1";
    public static final String QUEUE = "sms-over-xmpp-events";
    /** The bridge's outbound messages (infra-cdk's FifoQueue.OUTBOX), with its own dead-letter queue. */
    public static final String OUTBOX = "sms-over-xmpp-outbox";
    public static final int OUTBOX_VISIBILITY_TIMEOUT_SECONDS = 60;
    public static final String TABLE = "sms-over-xmpp-mappings";
    public static final String SENT_TABLE = "sms-over-xmpp-sent";
    public static final String MEDIA_BUCKET = "sms-over-xmpp-media";
    public static final String NUMBER_INDEX = "byNumber";
    public static final String SECRET = "sms-over-xmpp/twilio";
    /** Where the local run's other secrets are named (the Telnyx webhook's public key). */
    public static final String SECRET_PREFIX = "sms-over-xmpp/";
    /** As in the stack: the bridge dead-letters events itself; this is the backstop (infra's FifoQueue). */
    public static final int MAX_RECEIVES = 20;

    static {
        // The code under test uses the default credential chain, as in AWS; emulators take any key.
        System.setProperty("aws.accessKeyId", System.getProperty("aws.accessKeyId", "test"));
        System.setProperty("aws.secretAccessKey", System.getProperty("aws.secretAccessKey", "test"));
    }

    public final SqsClient sqs;
    public final DynamoDbClient dynamo;
    public final SecretsManagerClient secrets;
    public final String queueUrl;
    public final String deadLetterUrl;
    public final String outboxUrl;
    public final String outboxDeadLetterUrl;
    public final String table;
    public final String sentTable;
    public final String mediaBucket;
    public final S3Client s3;
    public final String numberIndex = NUMBER_INDEX;
    public final String secretId;
    private final URI endpoint;
    private final URI queueEndpoint;

    /**
     * @param suffix appended to every name ("" for the stack's own names); tests use a unique one so they
     *               can run again against the same emulator
     */
    public LocalAws(URI endpoint, URI queueEndpoint, String suffix, int visibilityTimeoutSeconds, String twilioSecretJson) {
        this.endpoint = endpoint;
        this.queueEndpoint = queueEndpoint;
        table = TABLE + suffix;
        sentTable = SENT_TABLE + suffix;
        mediaBucket = (MEDIA_BUCKET + suffix).toLowerCase(java.util.Locale.ROOT);
        secretId = SECRET + suffix;
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        sqs = SqsClient.builder().endpointOverride(queueEndpoint).region(Region.of(REGION)).credentialsProvider(credentials).build();
        dynamo = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of(REGION)).credentialsProvider(credentials).build();
        s3 = S3Client.builder().endpointOverride(endpoint).region(Region.of(REGION)).credentialsProvider(credentials)
                .forcePathStyle(true).build();
        secrets = SecretsManagerClient.builder().endpointOverride(endpoint).region(Region.of(REGION)).credentialsProvider(credentials).build();

        deadLetterUrl = sqs.createQueue(r -> r.queueName(QUEUE + "-dlq" + suffix + ".fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        String deadLetterArn = sqs.getQueueAttributes(r -> r.queueUrl(deadLetterUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        queueUrl = sqs.createQueue(r -> r.queueName(QUEUE + suffix + ".fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false",
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds),
                QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + deadLetterArn + "\",\"maxReceiveCount\":\"" + MAX_RECEIVES + "\"}")))
                .queueUrl();
        outboxDeadLetterUrl = sqs.createQueue(r -> r.queueName(OUTBOX + "-dlq" + suffix + ".fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        outboxUrl = sqs.createQueue(r -> r.queueName(OUTBOX + suffix + ".fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false",
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(OUTBOX_VISIBILITY_TIMEOUT_SECONDS),
                QueueAttributeName.REDRIVE_POLICY, redrive(outboxDeadLetterUrl)))).queueUrl();
        createTable();
        createSentTable();
        try {
            s3.createBucket(r -> r.bucket(mediaBucket));
        } catch (BucketAlreadyOwnedByYouException e) {
            // already there from an earlier run
        }
        // As in the stack: re-hosted media are readable by whoever holds their unguessable URL.
        s3.putBucketPolicy(r -> r.bucket(mediaBucket).policy("{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::" + mediaBucket + "/media/*\"}]}"));
        createOrReplaceSecret(secretId, twilioSecretJson);
    }

    /**
     * A secret named {@code name} plus this instance's suffix, holding {@code json} (replaced if it is there).
     * @return its id
     */
    public String putSecret(String name, String json) {
        String id = SECRET_PREFIX + name + secretId.substring(SECRET.length());
        createOrReplaceSecret(id, json);
        return id;
    }

    /** Replaced when it is there from an earlier run. */
    private void createOrReplaceSecret(String id, String json) {
        try {
            secrets.createSecret(r -> r.name(id).secretString(json));
        } catch (ResourceExistsException e) {
            secrets.putSecretValue(r -> r.secretId(id).secretString(json));
        }
    }

    /** Sends a message to the dead-letter queue at {@code deadLetterUrl} after {@link #MAX_RECEIVES} receives. */
    private String redrive(String deadLetterUrl) {
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(deadLetterUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":\"" + MAX_RECEIVES + "\"}";
    }

    private void createTable() {
        try {
            dynamo.createTable(r -> r.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName("jid").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("number").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("jid").keyType(KeyType.HASH).build())
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName(NUMBER_INDEX)
                            .keySchema(KeySchemaElement.builder().attributeName("number").keyType(KeyType.HASH).build())
                            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
        } catch (ResourceInUseException e) {
            // already there from an earlier run
        }
    }

    /** The bridge's settings for these resources (docs/configuration.md). */
    public Map<String, String> bridgeEnvironment() {
        return Map.of("QUEUE_URL", queueUrl, "OUTBOX_QUEUE_URL", outboxUrl, "MAPPINGS_TABLE", table,
                "MAPPINGS_NUMBER_INDEX", numberIndex, "SENT_TABLE", sentTable, "MEDIA_BUCKET", mediaBucket,
                "AWS_REGION", REGION, "AWS_ENDPOINT_URL", endpoint.toString(), "AWS_ENDPOINT_URL_SQS", queueEndpoint.toString());
    }

    /** The webhook Lambda's settings for these resources. */
    public Map<String, String> webhookEnvironment() {
        return Map.of("QUEUE_URL", queueUrl, "TWILIO_SECRET_ID", secretId, "AWS_REGION", REGION,
                "AWS_ENDPOINT_URL", endpoint.toString(), "AWS_ENDPOINT_URL_SQS", queueEndpoint.toString());
    }

    private void createSentTable() {
        try {
            dynamo.createTable(r -> r.tableName(sentTable)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("sid")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("sid").keyType(KeyType.HASH).build()));
            dynamo.updateTimeToLive(r -> r.tableName(sentTable).timeToLiveSpecification(t -> t
                    .attributeName("expiresAt").enabled(true)));
        } catch (ResourceInUseException e) {
            // already there from an earlier run
        }
    }

    public int approximateDepth(String url) {
        var attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Override
    public void close() {
        sqs.close();
        dynamo.close();
        secrets.close();
        s3.close();
    }
}
