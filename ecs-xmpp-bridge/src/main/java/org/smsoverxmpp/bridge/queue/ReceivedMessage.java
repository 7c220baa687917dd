package org.smsoverxmpp.bridge.queue;

import java.time.Instant;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A queue message as received, with what the consumer decides by: its conversation (FIFO group), how often
 * it has been received, since when, and whether an operator replayed it from the dead-letter queue.
 */
public record ReceivedMessage(Message message, String group, int receiveCount, Instant firstReceived, boolean replayed) {

    /** Whether an earlier receive may have delivered it to some of its recipients already. */
    public boolean maybeSeenBefore() {
        return receiveCount > 1 || replayed;
    }

    public String messageId() {
        return message.messageId();
    }
}
