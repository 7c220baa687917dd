package org.smsoverxmpp.bridge.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

class CallTimeoutsTest {
    private static final String QUEUE = "http://127.0.0.1/000000000000/q";
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void aCallRunsUnderBothTimersAndLeavesNoneBehind() throws IOException {
        CallTimeouts timeouts = new CallTimeouts(Duration.ofSeconds(25), Duration.ofSeconds(75));
        open.add(timeouts);
        List<Integer> duringCalls = new CopyOnWriteArrayList<>();
        SqsClient sqs = client(emptyQueue(() -> duringCalls.add(timeouts.pending())), timeouts::applyTo);

        for (int i = 0; i < 50; i++) {
            assertThat(sqs.receiveMessage(r -> r.queueUrl(QUEUE)).messages()).isEmpty();
        }

        assertThat(duringCalls).hasSize(50).containsOnly(2); // the attempt's limit and the call's, on this thread
        assertThat(timeouts.pending()).isZero();
    }

    /**
     * Why the bridge brings its own timer thread: a pool built as the SDK (2.57.8) builds its own when none is given
     * ({@code Executors.newScheduledThreadPool(5)}) keeps every call's two timers until they are due.
     */
    @Test
    void theSdksKindOfTimerPoolKeepsEveryCallsTimersQueued() throws IOException {
        ScheduledThreadPoolExecutor sdkLike = (ScheduledThreadPoolExecutor) Executors.newScheduledThreadPool(5);
        open.add(sdkLike::shutdownNow);
        SqsClient sqs = client(emptyQueue(() -> { }), c -> c.apiCallAttemptTimeout(Duration.ofSeconds(25))
                .apiCallTimeout(Duration.ofSeconds(75)).scheduledExecutorService(sdkLike));

        for (int i = 0; i < 50; i++) {
            sqs.receiveMessage(r -> r.queueUrl(QUEUE));
        }

        assertThat(sdkLike.getQueue()).hasSize(100);
    }

    @Test
    void aQueueThatNeverAnswersFailsTheCallWithinItsLimit() throws IOException {
        CallTimeouts timeouts = new CallTimeouts(Duration.ofMillis(300), Duration.ofMillis(900));
        open.add(timeouts);
        SqsClient sqs = client(silentServer(), timeouts::applyTo);

        long start = System.nanoTime();
        assertThatThrownBy(() -> sqs.receiveMessage(r -> r.queueUrl(QUEUE).waitTimeSeconds(0)))
                .isInstanceOf(SdkClientException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(5));
        assertThat(timeouts.pending()).isZero();
    }

    @Test
    void theLimitsFollowTheLongPollsWait() {
        try (CallTimeouts timeouts = CallTimeouts.forQueueWait(20)) {
            ClientOverrideConfiguration.Builder c = ClientOverrideConfiguration.builder();
            timeouts.applyTo(c);
            ClientOverrideConfiguration built = c.build();
            assertThat(built.apiCallAttemptTimeout()).contains(Duration.ofSeconds(25));
            assertThat(built.apiCallTimeout()).contains(Duration.ofSeconds(75));
            assertThat(built.scheduledExecutorService()).isPresent();
        }
    }

    private SqsClient client(URI endpoint, java.util.function.Consumer<ClientOverrideConfiguration.Builder> override) {
        SqsClient sqs = SqsClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .endpointOverride(endpoint)
                .overrideConfiguration(override)
                .build();
        open.add(0, sqs); // closed before the timers it uses
        return sqs;
    }

    /** An SQS endpoint (JSON protocol) whose queue is always empty; {@code duringCall} runs while it answers. */
    private URI emptyQueue(Runnable duringCall) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            duringCall.run();
            byte[] body = "{\"Messages\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        open.add(() -> server.stop(0));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Accepts connections, reads nothing and never answers. */
    private URI silentServer() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        List<Socket> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(server.accept());
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "silent-server");
        acceptor.setDaemon(true);
        acceptor.start();
        open.add(() -> {
            server.close();
            synchronized (accepted) {
                for (Socket s : accepted) {
                    s.close();
                }
            }
        });
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }
}
