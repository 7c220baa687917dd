package org.smsoverxmpp.bridge.admin;

import java.net.URI;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import picocli.CommandLine.Option;

/** Where the gateway's resources are: flags, or the environment variables the bridge itself reads. */
public final class AwsOptions {
    static final String DEFAULT_QUEUE = "sms-over-xmpp-events.fifo";
    static final String DEFAULT_OUTBOX = "sms-over-xmpp-outbox.fifo";

    @Option(names = "--region", defaultValue = "${env:AWS_REGION}",
            description = "AWS region (default: AWS_REGION, then the SDK's chain)")
    String region;

    @Option(names = "--endpoint-url", defaultValue = "${env:AWS_ENDPOINT_URL}",
            description = "an AWS emulator such as LocalStack or moto_server (default: AWS_ENDPOINT_URL)")
    String endpoint;

    @Option(names = "--sqs-endpoint-url", defaultValue = "${env:AWS_ENDPOINT_URL_SQS}",
            description = "a separate SQS-compatible queue service, such as the local run's ElasticMQ (default: AWS_ENDPOINT_URL_SQS)")
    String sqsEndpoint;

    @Option(names = "--table", defaultValue = "${env:MAPPINGS_TABLE:-sms-over-xmpp-mappings}",
            description = "the mappings table (default: MAPPINGS_TABLE or ${DEFAULT-VALUE})")
    String table;

    @Option(names = "--number-index", defaultValue = "${env:MAPPINGS_NUMBER_INDEX:-byNumber}",
            description = "the table's index on number (default: ${DEFAULT-VALUE})")
    String numberIndex;

    @Option(names = "--queue-url", defaultValue = "${env:QUEUE_URL}",
            description = "the events queue (default: QUEUE_URL, else the stack's sms-over-xmpp-events.fifo)")
    String queueUrl;

    @Option(names = "--outbox-url", defaultValue = "${env:OUTBOX_QUEUE_URL}",
            description = "the outbox queue (default: OUTBOX_QUEUE_URL, else the stack's " + DEFAULT_OUTBOX + ")")
    String outboxUrl;

    @Option(names = "--sent-table", defaultValue = "${env:SENT_TABLE:-sms-over-xmpp-sent}",
            description = "the sent-messages table, where the bridge publishes its state (default: SENT_TABLE or ${DEFAULT-VALUE})")
    String sentTable;

    @Option(names = "--dlq-url", defaultValue = "${env:DEAD_LETTER_QUEUE_URL}",
            description = "the dead-letter queue (default: DEAD_LETTER_QUEUE_URL, else the queue's redrive policy)")
    String deadLetterUrl;

    DynamoDbClient dynamo() {
        return configure(DynamoDbClient.builder()).build();
    }

    SqsClient sqs() {
        SqsClientBuilder builder = configure(SqsClient.builder());
        if (sqsEndpoint != null && !sqsEndpoint.isBlank()) {
            builder.endpointOverride(URI.create(sqsEndpoint));
        }
        return builder.build();
    }

    EcsClient ecs() {
        return configure(EcsClient.builder()).build();
    }

    CloudWatchClient cloudWatch() {
        return configure(CloudWatchClient.builder()).build();
    }

    /** The given queue, or the one the CDK stack and the local run create under a fixed name. */
    String queueUrl(SqsClient sqs) {
        if (queueUrl != null && !queueUrl.isBlank()) {
            return queueUrl;
        }
        return byName(sqs, DEFAULT_QUEUE, "--queue-url or set QUEUE_URL");
    }

    /** The given outbox, or the one the CDK stack and the local run create under a fixed name. */
    String outboxUrl(SqsClient sqs) {
        if (outboxUrl != null && !outboxUrl.isBlank()) {
            return outboxUrl;
        }
        return byName(sqs, DEFAULT_OUTBOX, "--outbox-url or set OUTBOX_QUEUE_URL");
    }

    private static String byName(SqsClient sqs, String name, String how) {
        try {
            return sqs.getQueueUrl(r -> r.queueName(name)).queueUrl();
        } catch (QueueDoesNotExistException e) {
            throw new AdminException("no queue " + name + " here; pass " + how);
        }
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        if (region != null && !region.isBlank()) {
            builder.region(Region.of(region));
        }
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder;
    }
}
