package org.smsoverxmpp.bridge.receipts;

import java.util.Objects;

/**
 * What a later status callback needs to answer the user: who sent the SMS (full JID), the stanza id, the
 * phone contact it went to, whether a receipt was asked for, and the text (for an error copy).
 *
 * @param completesOutboxMessage the outbox message whose last SMS this is, or null: its attempt is then recorded
 *                               as sent in the same write as this record (see {@link DynamoSentMessages})
 */
public record SentMessage(String messageId, String sender, String stanzaId, String contact, boolean receiptRequested,
        String body, String completesOutboxMessage) {

    public SentMessage(String messageId, String sender, String stanzaId, String contact, boolean receiptRequested,
            String body) {
        this(messageId, sender, stanzaId, contact, receiptRequested, body, null);
    }

    public SentMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(contact, "contact");
        body = body == null ? "" : body;
    }
}
