package org.smsoverxmpp.bridge.inbound;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which recipients of an event the server has already taken, for the rare event that some recipients took
 * and others bounced: it is tried again for the others only. Written only then, read only when an event may
 * have been seen before, so the common path costs nothing. Kept in the sent-messages table under
 * {@code delivered#<deduplication id>} when there is one (across restarts), in memory otherwise.
 */
public interface DeliveredRecipients {
    Set<String> of(String deduplicationId);

    void add(String deduplicationId, Set<String> recipients);

    /** Without a table: held in memory for a day. */
    static DeliveredRecipients inMemory() {
        Cache<String, Set<String>> cache = Caffeine.newBuilder().expireAfterWrite(Duration.ofDays(1)).maximumSize(100_000).build();
        return new DeliveredRecipients() {
            @Override
            public Set<String> of(String deduplicationId) {
                Set<String> known = cache.getIfPresent(deduplicationId);
                return known == null ? Set.of() : Set.copyOf(known);
            }

            @Override
            public void add(String deduplicationId, Set<String> recipients) {
                cache.asMap().merge(deduplicationId, new HashSet<>(recipients), (a, b) -> {
                    Set<String> both = new HashSet<>(a);
                    both.addAll(b);
                    return both;
                });
            }
        };
    }

    /** In the sent-messages table, expiring with its retention. */
    static DeliveredRecipients inTable(DynamoDbClient dynamo, String table, Duration retention, Clock clock) {
        return new DeliveredRecipients() {
            @Override
            public Set<String> of(String deduplicationId) {
                Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                        .key(key(deduplicationId))).item();
                return item == null || !item.containsKey("recipients") ? Set.of() : Set.copyOf(item.get("recipients").ss());
            }

            @Override
            public void add(String deduplicationId, Set<String> recipients) {
                if (recipients.isEmpty()) {
                    return;
                }
                // ADD to a string set: two consumers adding at once both count.
                dynamo.updateItem(r -> r.tableName(table).key(key(deduplicationId))
                        .updateExpression("ADD recipients :r SET expiresAt = :t")
                        .expressionAttributeValues(Map.of(":r", AttributeValue.fromSs(recipients.stream().toList()),
                                ":t", AttributeValue.fromN(Long.toString(clock.instant().plus(retention).getEpochSecond())))));
            }

            private Map<String, AttributeValue> key(String deduplicationId) {
                return Map.of("sid", AttributeValue.fromS("delivered#" + deduplicationId));
            }
        };
    }
}
