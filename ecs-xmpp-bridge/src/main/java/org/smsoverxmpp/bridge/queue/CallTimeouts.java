package org.smsoverxmpp.bridge.queue;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * The time limits of the bridge's SQS calls, and the one timer thread that enforces them. A queue that accepts
 * the connection and never answers must fail the call, not hang a consumer or the outbox's writer for ever: each
 * attempt may take the long poll's wait and a few seconds more, a call with its retries three times that.
 *
 * <p>Why the SDK's own timer pool is not used: the SDK schedules two timers per call on a pool that keeps a
 * cancelled timer queued until it is due, so every call, however fast, wakes a timer thread twice, once per
 * limit (15 and 45 s later with the default 10 s long poll), to throw away a timer that has nothing to do. At
 * 50 SMS/s that was 6.6 % of the bridge's CPU (docs/performance.md). Here a timer leaves the queue when its
 * call ends. (The SDK should do this itself.)
 */
public final class CallTimeouts implements AutoCloseable {
    private final Duration attempt;
    private final Duration call;
    private final ScheduledThreadPoolExecutor timers;

    /** @param queueWaitSeconds the long poll's wait, which every receive may take in full */
    public static CallTimeouts forQueueWait(int queueWaitSeconds) {
        Duration attempt = Duration.ofSeconds(queueWaitSeconds + 5L);
        return new CallTimeouts(attempt, attempt.multipliedBy(3));
    }

    CallTimeouts(Duration attempt, Duration call) {
        this.attempt = attempt;
        this.call = call;
        timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "sqs-call-timeouts");
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true);
    }

    /** Sets the limits on a client's configuration; the client uses this timer thread and does not close it. */
    public void applyTo(ClientOverrideConfiguration.Builder configuration) {
        configuration.apiCallAttemptTimeout(attempt).apiCallTimeout(call).scheduledExecutorService(timers);
    }

    /** Timers still queued: one per limit of each call in flight, none left behind by calls that ended. */
    int pending() {
        return timers.getQueue().size();
    }

    /** After the clients that use it are closed. */
    @Override
    public void close() {
        timers.shutdownNow();
        try {
            timers.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
