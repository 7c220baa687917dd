package org.smsoverxmpp.events;

import java.util.Locale;

/**
 * Where a message the gateway sent has got to, in words every provider's statuses map onto. The bridge acts on
 * the last three: a receipt for {@code DELIVERED}, an error copy for {@code UNDELIVERED} and {@code FAILED}.
 */
public enum MessageStatus {
    /** The provider holds it and has not yet handed it to a carrier. */
    QUEUED,
    /** Handed to the carrier; the handset has not confirmed it (some carriers never do). */
    SENT,
    /** The handset has it. */
    DELIVERED,
    /** The carrier could not deliver it (handset off, blocked, filtered, not a mobile number). */
    UNDELIVERED,
    /** The provider could not send it at all. */
    FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a word that is none of the five */
    public static MessageStatus fromWire(String word) {
        for (MessageStatus status : values()) {
            if (status.wire().equals(word)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status '" + word + "'");
    }

    public boolean isFailure() {
        return this == UNDELIVERED || this == FAILED;
    }
}
