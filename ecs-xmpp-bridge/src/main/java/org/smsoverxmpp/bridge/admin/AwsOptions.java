package org.smsoverxmpp.bridge.admin;

import java.net.URI;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import picocli.CommandLine.Option;

/** Where the gateway's resources are: flags, or the environment variables the bridge itself reads. */
public final class AwsOptions {
    static final String DEFAULT_QUEUE = "sms-over-xmpp-events.fifo";

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

    /** The given queue, or the one the CDK stack and the local run create under a fixed name. */
    String queueUrl(SqsClient sqs) {
        if (queueUrl != null && !queueUrl.isBlank()) {
            return queueUrl;
        }
        try {
            return sqs.getQueueUrl(r -> r.queueName(DEFAULT_QUEUE)).queueUrl();
        } catch (QueueDoesNotExistException e) {
            throw new AdminException("no queue " + DEFAULT_QUEUE + " here; pass --queue-url or set QUEUE_URL");
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
