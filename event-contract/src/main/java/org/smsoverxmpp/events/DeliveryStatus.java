package org.smsoverxmpp.events;

import java.time.Instant;
import java.util.Objects;

/**
 * What became of a message we sent, as the provider reported it. {@code errorCode} and {@code errorText} are the
 * provider's own (Twilio's "30003", Telnyx's "40002" and its title), or null. {@code from}/{@code to} may be
 * empty when the provider leaves them out.
 */
public record DeliveryStatus(
        String provider,
        String messageId,
        MessageStatus status,
        String errorCode,
        String errorText,
        String from,
        String to,
        Instant receivedAt) implements QueueEvent {

    public DeliveryStatus {
        ProviderName.check(provider);
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(receivedAt, "receivedAt");
        from = from == null ? "" : from;
        to = to == null ? "" : to;
    }

    /** Same conversation key as the messages between these two numbers: our number first. */
    @Override
    public String messageGroupId() {
        return from.isEmpty() || to.isEmpty() ? FifoKeys.sanitize(messageId) : FifoKeys.sanitize(from + "|" + to);
    }

    /** Each status of a message is its own event; only repeats of the same status are duplicates. */
    @Override
    public String deduplicationId() {
        return FifoKeys.sanitize(provider + ":" + messageId + "-" + status.wire());
    }
}
