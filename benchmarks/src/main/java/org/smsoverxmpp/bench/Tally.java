package org.smsoverxmpp.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/** When each numbered message ("bench N") first arrived somewhere; repeats are not counted again. */
final class Tally {
    static final String PREFIX = "bench ";

    private final AtomicLongArray arrivals;
    private final AtomicInteger count = new AtomicInteger();

    Tally(int capacity) {
        arrivals = new AtomicLongArray(capacity);
    }

    static String body(int sequence) {
        return PREFIX + sequence;
    }

    /** Notes the arrival of a message with this body, if it is one of ours. */
    void arrived(String body) {
        if (body == null || !body.startsWith(PREFIX)) {
            return;
        }
        int sequence = Integer.parseInt(body.substring(PREFIX.length()));
        if (arrivals.compareAndSet(sequence, 0, System.nanoTime())) {
            count.incrementAndGet();
        }
    }

    int count() {
        return count.get();
    }

    int capacity() {
        return arrivals.length();
    }

    /** System.nanoTime() when message N arrived, 0 if it has not. */
    long arrival(int sequence) {
        return arrivals.get(sequence);
    }

    /** Waits until {@code expected} arrived, or until none arrives for {@code stall}. @return the count */
    int await(int expected, Duration stall) throws InterruptedException {
        int last = -1;
        long lastChange = System.nanoTime();
        while (count() < expected) {
            int now = count();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > stall.toNanos()) {
                break;
            }
            Thread.sleep(5);
        }
        return count();
    }
}
