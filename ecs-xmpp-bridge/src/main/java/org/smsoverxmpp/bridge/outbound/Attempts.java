package org.smsoverxmpp.bridge.outbound;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.smsoverxmpp.bridge.receipts.DynamoSentMessages;
import org.smsoverxmpp.bridge.receipts.SentMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * At most once, across crashes: before the provider is called for an outbox message, the attempt is recorded
 * (a conditional write: only the first one succeeds), and its result after: a refusal here, a sent SMS with the
 * record of its last part ({@link SentMessage#completesOutboxMessage}, written behind in a batch). An outbox message that comes back
 * (the bridge died, a delete failed) whose attempt has a result is answered from it; one whose attempt has
 * none may or may not have been sent, and the user is told exactly that instead of it being sent twice.
 */
public interface Attempts {

    /** Whether this is the message's first attempt. */
    sealed interface Attempt {
        record First() implements Attempt {
        }

        /** Tried before; {@code outcome} is what it came to, if that was recorded. */
        record Again(Optional<ErrorReply> outcome, boolean sent) implements Attempt {
        }
    }

    /** @param receiveCount how often the outbox has handed the message out, for the table-less fallback */
    Attempt begin(String outboxId, int receiveCount);

    /** @param reply what the user was told instead of the SMS going out */
    void refused(String outboxId, ErrorReply reply);

    /**
     * Without a table: a message handed out a second time may have been attempted. Weaker than the table
     * (results are not known), but never a second send.
     */
    static Attempts byReceiveCount() {
        return new Attempts() {
            @Override
            public Attempt begin(String outboxId, int receiveCount) {
                return receiveCount <= 1 ? new Attempt.First() : new Attempt.Again(Optional.empty(), false);
            }

            @Override
            public void refused(String outboxId, ErrorReply reply) {
            }
        };
    }

    /** In the sent-messages table, under {@code attempt#<outbox id>}, expiring with its retention. */
    static Attempts inTable(DynamoDbClient dynamo, String table, Duration retention, Clock clock) {
        return new Attempts() {
            @Override
            public Attempt begin(String outboxId, int receiveCount) {
                try {
                    // UpdateItem creates the item; the condition lets only the first attempt do so.
                    dynamo.updateItem(r -> r.tableName(table).key(key(outboxId))
                            .updateExpression("SET expiresAt = :t")
                            .conditionExpression("attribute_not_exists(sid)")
                            .expressionAttributeValues(Map.of(":t", expiry())));
                    return new Attempt.First();
                } catch (ConditionalCheckFailedException e) {
                    Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                            .key(key(outboxId))).item();
                    if (item == null || !item.containsKey(DynamoSentMessages.OUTCOME)) {
                        return new Attempt.Again(Optional.empty(), false);
                    }
                    if (item.get(DynamoSentMessages.OUTCOME).s().equals(DynamoSentMessages.SENT)) {
                        return new Attempt.Again(Optional.empty(), true);
                    }
                    return new Attempt.Again(Optional.of(new ErrorReply(
                            org.jivesoftware.smack.packet.StanzaError.Type.valueOf(item.get("replyType").s()),
                            org.jivesoftware.smack.packet.StanzaError.Condition.valueOf(item.get("replyCondition").s()),
                            item.get("replyText").s())), false);
                }
            }

            @Override
            public void refused(String outboxId, ErrorReply reply) {
                dynamo.updateItem(r -> r.tableName(table).key(key(outboxId))
                        .updateExpression("SET outcome = :o, replyType = :y, replyCondition = :c, replyText = :x, expiresAt = :t")
                        .expressionAttributeValues(Map.of(":o", AttributeValue.fromS("refused"),
                                ":y", AttributeValue.fromS(reply.type().name()),
                                ":c", AttributeValue.fromS(reply.condition().name()),
                                ":x", AttributeValue.fromS(reply.text()), ":t", expiry())));
            }

            private AttributeValue expiry() {
                return AttributeValue.fromN(Long.toString(clock.instant().plus(retention).getEpochSecond()));
            }

            private Map<String, AttributeValue> key(String outboxId) {
                return Map.of("sid", AttributeValue.fromS(DynamoSentMessages.attemptKey(outboxId)));
            }
        };
    }
}
