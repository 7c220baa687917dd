package org.smsoverxmpp.webhook.telnyx;

import java.util.Locale;
import org.smsoverxmpp.events.MessageStatus;

/**
 * Telnyx's status of a recipient of a message we sent ({@code to[].status}), in the contract's words. A word this
 * does not know means the message is still on its way ({@code QUEUED}), which asks nothing of the bridge, rather
 * than a webhook refused and retried.
 */
public final class TelnyxStatuses {
    private TelnyxStatuses() {
    }

    public static MessageStatus neutral(String telnyxWord) {
        return switch (telnyxWord == null ? "" : telnyxWord.toLowerCase(Locale.ROOT)) {
            // The carrier took it; delivery_unconfirmed is final, from a carrier that sends no receipts.
            case "sent", "delivery_unconfirmed" -> MessageStatus.SENT;
            case "delivered" -> MessageStatus.DELIVERED;
            // expired: the carrier gave up on the handset within the message's validity.
            case "delivery_failed", "expired" -> MessageStatus.UNDELIVERED;
            case "sending_failed" -> MessageStatus.FAILED;
            default -> MessageStatus.QUEUED; // queued, sending, and words yet to come
        };
    }
}
