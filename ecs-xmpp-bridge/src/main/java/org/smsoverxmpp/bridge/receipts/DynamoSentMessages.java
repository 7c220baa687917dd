package org.smsoverxmpp.bridge.receipts;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The sent-messages table: key {@code sid}; {@code expiresAt} (epoch seconds) is its TTL attribute, so
 * records, including the message text kept for error copies, disappear after the retention.
 *
 * <p>The table also holds the outbound attempts ({@code attempt#<outbox id>}, see Attempts). The record of an
 * outbox message's last SMS carries that message's result, {@code outcome = sent}, written in the same
 * BatchWriteItem: under light traffic a write of its own would cost as much CPU as the rest of the SMS.
 */
public class DynamoSentMessages implements SentMessages {
    /** DynamoDB's limit for one BatchWriteItem. */
    private static final int MAX_WRITES = 25;
    /** Records per BatchWriteItem: each takes at most two of its writes (the record, an attempt's result). */
    public static final int MAX_BATCH = MAX_WRITES / 2;
    private static final String ATTEMPT = "attempt#";
    /** An attempt item's attribute for what it came to, and its value once the SMS went out. */
    public static final String OUTCOME = "outcome";
    public static final String SENT = "sent";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;
    private final Clock clock;

    /** The key of an outbox message's attempt item, beside the records in this table. */
    public static String attemptKey(String outboxId) {
        return ATTEMPT + outboxId;
    }

    public DynamoSentMessages(DynamoDbClient dynamo, String table, Duration retention, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public void remember(SentMessage message) {
        // Through BatchWriteItem, the one write the bridge is granted on this table.
        if (!rememberAll(List.of(message)).isEmpty()) {
            throw new IllegalStateException("DynamoDB left the record of " + message.messageId() + " unprocessed");
        }
    }

    /**
     * One BatchWriteItem (at most {@value #MAX_BATCH} records, distinct ids).
     * @return the records DynamoDB left unprocessed (throttled), to be written again
     */
    public List<SentMessage> rememberAll(List<SentMessage> messages) {
        Map<String, SentMessage> byKey = new HashMap<>();
        List<WriteRequest> writes = new ArrayList<>();
        AttributeValue expiry = AttributeValue.fromN(Long.toString(clock.instant().plus(retention).getEpochSecond()));
        for (SentMessage message : messages) {
            byKey.put(message.messageId(), message);
            writes.add(WriteRequest.builder().putRequest(p -> p.item(item(message, expiry))).build());
            if (message.completesOutboxMessage() != null) {
                String attempt = attemptKey(message.completesOutboxMessage());
                byKey.put(attempt, message);
                writes.add(WriteRequest.builder().putRequest(p -> p.item(Map.of("sid", AttributeValue.fromS(attempt),
                        OUTCOME, AttributeValue.fromS(SENT), "expiresAt", expiry))).build());
            }
        }
        var unprocessed = dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, writes))).unprocessedItems();
        // Either write of a record left unprocessed: the record is written again whole (the same items).
        return unprocessed.getOrDefault(table, List.of()).stream()
                .map(w -> byKey.get(w.putRequest().item().get("sid").s()))
                .distinct()
                .toList();
    }

    private static Map<String, AttributeValue> item(SentMessage message, AttributeValue expiry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("sid", AttributeValue.fromS(message.messageId()));
        item.put("sender", AttributeValue.fromS(message.sender()));
        item.put("contact", AttributeValue.fromS(message.contact()));
        item.put("receipt", AttributeValue.fromBool(message.receiptRequested()));
        item.put("body", AttributeValue.fromS(message.body()));
        if (message.stanzaId() != null) {
            item.put("stanzaId", AttributeValue.fromS(message.stanzaId()));
        }
        item.put("expiresAt", expiry);
        return item;
    }

    @Override
    public Optional<SentMessage> find(String messageId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("sid", AttributeValue.fromS(messageId)))).item();
        if (item == null || item.isEmpty() || !item.containsKey("sender") || !item.containsKey("contact")) {
            return Optional.empty();
        }
        return Optional.of(new SentMessage(messageId, item.get("sender").s(),
                item.containsKey("stanzaId") ? item.get("stanzaId").s() : null, item.get("contact").s(),
                item.containsKey("receipt") && Boolean.TRUE.equals(item.get("receipt").bool()),
                item.containsKey("body") ? item.get("body").s() : ""));
    }
}
