package org.smsoverxmpp.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.smsoverxmpp.local.FreePort;
import org.smsoverxmpp.local.LocalAws;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * ElasticMQ, an SQS-compatible queue server on the JVM, in this process, holding a FIFO queue shaped like
 * the stack's (dead-letter queue after {@link LocalAws#MAX_RECEIVES} receives). The throughput rows use it
 * because moto_server rebuilds its whole message list on every receive and delete, so at 1,000 SMS/s
 * it would measure moto rather than the bridge. It runs in its own JVM, so its CPU is told apart.
 */
final class ElasticMq implements AutoCloseable {
    static final String NAME = "ElasticMQ 1.6";
    private final Process server;
    private final SqsClient sqs;
    private final URI endpoint;
    private final int visibilityTimeoutSeconds;

    /** The server process: {@code java -cp … ElasticMq PORT}. */
    public static void main(String[] args) {
        SQSRestServer server = SQSRestServerBuilder.withPort(Integer.parseInt(args[0])).withInterface("127.0.0.1").start();
        server.waitUntilStarted();
    }

    ElasticMq(Path work, int visibilityTimeoutSeconds) throws IOException {
        int port = FreePort.find();
        server = ProcessTimer.start(List.of(ProcessTimer.java().toString(), "-Xmx2g", "-XX:+UseParallelGC", "-cp",
                System.getProperty("java.class.path"), ElasticMq.class.getName(), Integer.toString(port)),
                Map.of(), work.resolve("elasticmq.log"));
        FreePort.awaitListening(port, Duration.ofSeconds(60), server, "ElasticMQ");
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.of(LocalAws.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
        this.endpoint = endpoint;
        this.visibilityTimeoutSeconds = visibilityTimeoutSeconds;
    }

    /**
     * A fresh queue (and its dead-letter queue) for each run: ElasticMQ keeps every deduplication id for
     * five minutes, and a queue that took earlier runs' 60,000 SMS answers more slowly.
     */
    BenchQueue newQueue(String suffix) {
        String deadLetterUrl = sqs.createQueue(r -> r.queueName(LocalAws.QUEUE + "-dlq" + suffix + ".fifo")
                .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        String deadLetterArn = sqs.getQueueAttributes(r -> r.queueUrl(deadLetterUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        String url = sqs.createQueue(r -> r.queueName(LocalAws.QUEUE + suffix + ".fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false",
                QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibilityTimeoutSeconds),
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + deadLetterArn
                        + "\",\"maxReceiveCount\":\"" + LocalAws.MAX_RECEIVES + "\"}"))).queueUrl();
        // The outbox, as the stack has it: messages read from XMPP are stored here before they are sent.
        String outbox = sqs.createQueue(r -> r.queueName(LocalAws.OUTBOX + suffix + ".fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false",
                QueueAttributeName.VISIBILITY_TIMEOUT, "60"))).queueUrl();
        return new BenchQueue(NAME, endpoint, url, outbox, sqs);
    }

    long pid() {
        return server.pid();
    }

    @Override
    public void close() {
        sqs.close();
        server.destroy();
    }
}
