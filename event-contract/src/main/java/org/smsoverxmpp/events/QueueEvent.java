package org.smsoverxmpp.events;

import java.time.Instant;

/**
 * One thing an SMS provider told us, as it travels from the webhook to the bridge through the FIFO queue.
 * The FIFO keys live here so both sides agree on them.
 */
public sealed interface QueueEvent permits InboundSms, DeliveryStatus {

    /** Which provider it came from ({@link ProviderName}). */
    String provider();

    /** The provider's id of the message: unique within that provider. */
    String messageId();

    String from();

    String to();

    Instant receivedAt();

    /** Providers retry a webhook with the same message id; the FIFO queue drops the copies. */
    String deduplicationId();

    /**
     * One conversation (our number + their number) stays in order; others proceed in parallel.
     * SQS allows only printable ASCII punctuation and alphanumerics here, so anything else becomes '_'.
     */
    default String messageGroupId() {
        return FifoKeys.sanitize(to() + "|" + from());
    }
}
