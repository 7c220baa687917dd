package org.smsoverxmpp.bridge.inbound;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one event from reaching a user twice. SQS FIFO drops Twilio's retries within its 5-minute window, but
 * a message whose delete failed comes back, and a queue may hand one message to two consumers (after a lapsed
 * visibility timeout; an emulator's race). Confirmed events are remembered for a while (in memory: a restart
 * forgets them), and an event being written by one consumer is claimed, so another copy waits.
 */
final class Dedupe {
    private final Cache<String, Boolean> delivered = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(15))
            .maximumSize(100_000)
            .build();
    private final Set<String> beingWritten = ConcurrentHashMap.newKeySet();

    boolean alreadyDelivered(String deduplicationId) {
        return delivered.getIfPresent(deduplicationId) != null;
    }

    /** @return false when another consumer is writing this event right now */
    boolean claim(String deduplicationId) {
        return beingWritten.add(deduplicationId);
    }

    void release(String deduplicationId) {
        beingWritten.remove(deduplicationId);
    }

    void delivered(String deduplicationId) {
        delivered.put(deduplicationId, Boolean.TRUE);
    }
}
