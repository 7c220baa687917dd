package org.smsoverxmpp.local;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * The local SQS: ElasticMQ, in this process, on a loopback port. The local run and the tests keep their queues
 * here rather than in moto, whose FIFO emulation is not faithful: it hands one conversation's messages to two
 * consumers at once (order lost), spins a core while a conversation is in flight, and deduplicates only against
 * messages still in the queue. DynamoDB, Secrets Manager and S3 stay in moto (or LocalStack).
 */
public final class ElasticMqServer implements AutoCloseable {
    private final SQSRestServer server;
    private final URI endpoint;

    private ElasticMqServer(SQSRestServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** As its own process ({@code java -cp … ElasticMqServer PORT}), for tests that freeze or kill the queue. */
    public static void main(String[] args) throws InterruptedException {
        start(Integer.parseInt(args[0]));
        Thread.currentThread().join();
    }

    public static ElasticMqServer start(int port) {
        SQSRestServer server = SQSRestServerBuilder.withPort(port).withInterface("127.0.0.1").start();
        server.waitUntilStarted();
        return new ElasticMqServer(server, port);
    }

    public static ElasticMqServer start() {
        return start(FreePort.find());
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
