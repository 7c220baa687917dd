package org.smsoverxmpp.bridge.inbound;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Deduplication ids (MessageSid, or MessageSid + status) the server confirmed in the last minutes. SQS FIFO
 * drops Twilio's retries within its 5-minute window, but an emulator may not, and a message whose delete
 * failed comes back; neither should reach the user twice. Held in memory: a restart forgets it.
 */
final class RecentlyDelivered {
    private final Cache<String, Boolean> ids = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(15))
            .maximumSize(100_000)
            .build();

    boolean contains(String deduplicationId) {
        return ids.getIfPresent(deduplicationId) != null;
    }

    void add(String deduplicationId) {
        ids.put(deduplicationId, Boolean.TRUE);
    }
}
