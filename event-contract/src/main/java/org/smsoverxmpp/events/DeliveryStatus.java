package org.smsoverxmpp.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A status callback for a message we sent: queued, sent, delivered, undelivered, failed...
 * {@code errorCode} is Twilio's numeric error code as text, or null. {@code from}/{@code to} may be empty
 * when Twilio leaves them out.
 */
public record DeliveryStatus(
        String messageSid,
        String accountSid,
        String status,
        String errorCode,
        String from,
        String to,
        Instant receivedAt) implements QueueEvent {

    public DeliveryStatus {
        Objects.requireNonNull(messageSid, "messageSid");
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(receivedAt, "receivedAt");
        from = from == null ? "" : from;
        to = to == null ? "" : to;
    }

    /** Same conversation key as the messages between these two numbers: our number first. */
    @Override
    public String messageGroupId() {
        return from.isEmpty() || to.isEmpty() ? FifoKeys.sanitize(messageSid) : FifoKeys.sanitize(from + "|" + to);
    }

    /** Each status of a message is its own event; only repeats of the same status are duplicates. */
    @Override
    public String deduplicationId() {
        return FifoKeys.sanitize(messageSid + "-" + status);
    }
}
