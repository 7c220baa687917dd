package org.smsoverxmpp.bridge;

import java.time.Duration;

/**
 * The shutdown's time, from the task's stop timeout (ECS sends SIGKILL when it runs out): one deadline, a few
 * seconds before it, and each step given what is left once the steps after it have their share.
 */
final class ShutdownBudget {
    /** Between our last step and SIGKILL: the JVM's exit, a slow log flush. */
    static final Duration MARGIN = Duration.ofSeconds(5);
    /** The last steps, in order: storing the outbox's buffer, closing the stream, writing receipt records. */
    static final Duration OUTBOX_FLUSH = Duration.ofSeconds(3);
    static final Duration STREAM_CLOSE = Duration.ofSeconds(2);
    static final Duration RECEIPTS = Duration.ofSeconds(3);

    private final long deadline;

    ShutdownBudget(Duration stopTimeout) {
        this.deadline = System.nanoTime() + stopTimeout.minus(MARGIN).toNanos();
    }

    /** The time the current step may take, leaving {@code after} for the steps that follow. */
    Duration leaving(Duration after) {
        long left = deadline - System.nanoTime() - after.toNanos();
        return Duration.ofNanos(Math.max(left, 0));
    }

    /** @return the millis to join for, at least 1 (0 would mean forever) */
    long joinMillis(Duration after) {
        return Math.max(1, leaving(after).toMillis());
    }
}
