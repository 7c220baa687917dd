package org.smsoverxmpp.bridge.status;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The bridge's state as one item of the sent-messages table, under a key no MessageSid can have ({@value #KEY}):
 * written at most once a minute by the bridge, read with one GetItem by `bin/admin status`. It expires a day after
 * it was last written, like any record of that table.
 */
public final class StateItem {
    /** The table's key attribute and this item's value of it; the stack grants the bridge PutItem on this key only. */
    public static final String KEY_ATTRIBUTE = "sid";
    public static final String KEY = "bridge-state";
    private static final Duration KEPT = Duration.ofDays(1);

    private StateItem() {
    }

    static Map<String, AttributeValue> of(BridgeState state) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(KEY_ATTRIBUTE, AttributeValue.fromS(KEY));
        item.put("expiresAt", number(state.at().plus(KEPT).getEpochSecond()));
        item.put("at", AttributeValue.fromS(state.at().toString()));
        item.put("runsOn", AttributeValue.fromS(state.runsOn()));
        item.put("connected", AttributeValue.fromBool(state.connected()));
        state.lastConnected().ifPresent(t -> item.put("lastConnected", AttributeValue.fromS(t.toString())));
        state.disconnectedSince().ifPresent(t -> item.put("disconnectedSince", AttributeValue.fromS(t.toString())));
        state.lastFailure().ifPresent(f -> {
            item.put("lastFailureAt", AttributeValue.fromS(f.at().toString()));
            item.put("lastFailure", AttributeValue.fromS(f.text()));
            item.put("lastFailureRestartCannotFix", AttributeValue.fromBool(f.restartCannotFix()));
        });
        BridgeState.Traffic traffic = state.lastHour();
        item.put("inboundDelivered", number(traffic.inboundDelivered()));
        item.put("inboundRetried", number(traffic.inboundRetried()));
        item.put("inboundRejected", number(traffic.inboundRejected()));
        item.put("outboundSent", number(traffic.outboundSent()));
        item.put("outboundRefused", number(traffic.outboundRefused()));
        item.put("healthy", AttributeValue.fromBool(state.health().healthy()));
        item.put("health", AttributeValue.fromS(state.health().reason()));
        return item;
    }

    /** The last state the bridge published to {@code table}, if any. */
    public static Optional<BridgeState> read(DynamoDbClient dynamo, String table) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Map.of(KEY_ATTRIBUTE, AttributeValue.fromS(KEY)))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(from(item));
    }

    static BridgeState from(Map<String, AttributeValue> item) {
        Optional<BridgeState.Failure> failure = instant(item, "lastFailureAt").map(at -> new BridgeState.Failure(at,
                text(item, "lastFailure"), Boolean.TRUE.equals(item.get("lastFailureRestartCannotFix").bool())));
        return new BridgeState(Instant.parse(text(item, "at")), text(item, "runsOn"), item.get("connected").bool(),
                instant(item, "lastConnected"), instant(item, "disconnectedSince"), failure,
                new BridgeState.Traffic(count(item, "inboundDelivered"), count(item, "inboundRetried"),
                        count(item, "inboundRejected"), count(item, "outboundSent"), count(item, "outboundRefused")),
                new BridgeState.Health(item.get("healthy").bool(), text(item, "health")));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    private static Optional<Instant> instant(Map<String, AttributeValue> item, String name) {
        String text = text(item, name);
        return text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
    }

    private static long count(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }
}
