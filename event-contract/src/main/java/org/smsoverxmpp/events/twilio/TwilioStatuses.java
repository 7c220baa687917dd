package org.smsoverxmpp.events.twilio;

import java.util.Locale;
import org.smsoverxmpp.events.MessageStatus;

/**
 * Twilio's {@code MessageStatus} words for a message we sent, in the contract's words. Twilio adds words now and
 * then; one this does not know means the message is still on its way ({@code QUEUED}), which asks nothing of the
 * bridge, rather than a callback refused and retried.
 */
public final class TwilioStatuses {
    private TwilioStatuses() {
    }

    public static MessageStatus neutral(String twilioWord) {
        return switch (twilioWord == null ? "" : twilioWord.toLowerCase(Locale.ROOT)) {
            case "sent" -> MessageStatus.SENT;
            case "delivered", "read", "partially_delivered" -> MessageStatus.DELIVERED;
            case "undelivered" -> MessageStatus.UNDELIVERED;
            case "failed", "canceled" -> MessageStatus.FAILED;
            default -> MessageStatus.QUEUED; // accepted, scheduled, queued, sending, and words yet to come
        };
    }
}
