package org.smsoverxmpp.events;

import java.time.Instant;

/**
 * One thing Twilio told us, as it travels from the webhook to the bridge through the FIFO queue.
 * The FIFO keys live here so both sides agree on them.
 */
public sealed interface QueueEvent permits InboundSms, DeliveryStatus {

    String messageSid();

    String from();

    String to();

    Instant receivedAt();

    /** Twilio retries a webhook with the same MessageSid; the FIFO queue drops the copies. */
    String deduplicationId();

    /**
     * One conversation (our number + their number) stays in order; others proceed in parallel.
     * SQS allows only printable ASCII punctuation and alphanumerics here, so anything else becomes '_'.
     */
    default String messageGroupId() {
        return FifoKeys.sanitize(to() + "|" + from());
    }
}
