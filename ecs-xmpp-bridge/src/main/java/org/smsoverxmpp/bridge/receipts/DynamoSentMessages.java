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
 */
public class DynamoSentMessages implements SentMessages {
    /** DynamoDB's limit for one BatchWriteItem. */
    public static final int MAX_BATCH = 25;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration retention;
    private final Clock clock;

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
        Map<String, SentMessage> byId = new HashMap<>();
        List<WriteRequest> writes = new ArrayList<>();
        for (SentMessage message : messages) {
            byId.put(message.messageId(), message);
            writes.add(WriteRequest.builder().putRequest(p -> p.item(item(message))).build());
        }
        var unprocessed = dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, writes))).unprocessedItems();
        return unprocessed.getOrDefault(table, List.of()).stream()
                .map(w -> byId.get(w.putRequest().item().get("sid").s()))
                .toList();
    }

    private Map<String, AttributeValue> item(SentMessage message) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("sid", AttributeValue.fromS(message.messageId()));
        item.put("sender", AttributeValue.fromS(message.sender()));
        item.put("contact", AttributeValue.fromS(message.contact()));
        item.put("receipt", AttributeValue.fromBool(message.receiptRequested()));
        item.put("body", AttributeValue.fromS(message.body()));
        if (message.stanzaId() != null) {
            item.put("stanzaId", AttributeValue.fromS(message.stanzaId()));
        }
        item.put("expiresAt", AttributeValue.fromN(Long.toString(clock.instant().plus(retention).getEpochSecond())));
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
