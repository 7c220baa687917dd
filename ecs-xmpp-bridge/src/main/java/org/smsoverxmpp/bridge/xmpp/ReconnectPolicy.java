package org.smsoverxmpp.bridge.xmpp;

import java.time.Duration;

/**
 * How long to wait before the next connection attempt. A handshake alone does not prove the link: a stream
 * that the server (or anything on the way) drops within seconds, again and again, backs off as if it had
 * never connected. Only a stream that lived {@code stableAfter} resets the backoff.
 */
final class ReconnectPolicy {
    private final Backoff backoff;
    private final Duration stableAfter;
    private int failures;
    private long connectedAt = -1;

    ReconnectPolicy(Backoff backoff, Duration stableAfter) {
        this.backoff = backoff;
        this.stableAfter = stableAfter;
    }

    void connected(long nanoTime) {
        connectedAt = nanoTime;
    }

    /**
     * @param minimum the least wait the failure itself asks for (a rejected secret waits long)
     * @return the wait before the next attempt
     */
    Duration disconnected(long nanoTime, Duration minimum) {
        if (connectedAt >= 0 && nanoTime - connectedAt >= stableAfter.toNanos()) {
            failures = 0;
        }
        connectedAt = -1;
        Duration wait = backoff.delay(failures++);
        return wait.compareTo(minimum) >= 0 ? wait : minimum;
    }
}
