package org.smsoverxmpp.bridge.queue;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The SQS calls' time limits, against WireMock standing in for SQS (its JSON protocol). */
class CallTimeoutsTest {
    private static final String QUEUE = "http://127.0.0.1/000000000000/q";
    private final WireMockServer sqsApi = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        sqsApi.start();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        sqsApi.stop();
    }

    @Test
    void aCallRunsUnderBothTimersAndLeavesNoneBehind() {
        answerEmpty(Duration.ZERO);
        CallTimeouts timeouts = opened(new CallTimeouts(Duration.ofSeconds(25), Duration.ofSeconds(75)));
        List<Integer> duringCalls = new CopyOnWriteArrayList<>();
        SqsClient sqs = client(c -> {
            timeouts.applyTo(c);
            c.addExecutionInterceptor(new ExecutionInterceptor() {
                @Override
                public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                    duringCalls.add(timeouts.pending());
                }
            });
        });

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
    void theSdksKindOfTimerPoolKeepsEveryCallsTimersQueued() {
        answerEmpty(Duration.ZERO);
        ScheduledThreadPoolExecutor sdkLike = (ScheduledThreadPoolExecutor) Executors.newScheduledThreadPool(5);
        open.add(sdkLike::shutdownNow);
        SqsClient sqs = client(c -> c.apiCallAttemptTimeout(Duration.ofSeconds(25))
                .apiCallTimeout(Duration.ofSeconds(75)).scheduledExecutorService(sdkLike));

        for (int i = 0; i < 50; i++) {
            sqs.receiveMessage(r -> r.queueUrl(QUEUE));
        }

        assertThat(sdkLike.getQueue()).hasSize(100);
    }

    @Test
    void aQueueThatNeverAnswersFailsTheCallWithinItsLimit() {
        answerEmpty(Duration.ofSeconds(30)); // far past the limits below: to the client, a queue that hangs
        CallTimeouts timeouts = opened(new CallTimeouts(Duration.ofMillis(300), Duration.ofMillis(900)));
        SqsClient sqs = client(timeouts::applyTo);

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

    /** Every receive finds the queue empty, answered after {@code delay}. */
    private void answerEmpty(Duration delay) {
        sqsApi.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.0").withBody("{\"Messages\":[]}")
                .withFixedDelay((int) delay.toMillis())));
    }

    private CallTimeouts opened(CallTimeouts timeouts) {
        open.add(timeouts);
        return timeouts;
    }

    private SqsClient client(Consumer<ClientOverrideConfiguration.Builder> override) {
        SqsClient sqs = SqsClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .endpointOverride(URI.create(sqsApi.baseUrl()))
                .overrideConfiguration(override)
                .build();
        open.add(0, sqs); // closed before the timers it uses
        return sqs;
    }
}
