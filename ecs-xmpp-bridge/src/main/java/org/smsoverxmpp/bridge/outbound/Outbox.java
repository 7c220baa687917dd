package org.smsoverxmpp.bridge.outbound;

/** Where a message accepted for sending is held until the provider answers; it outlives the process. */
public interface Outbox {

    /** What became of a message handed to the outbox. */
    sealed interface Acceptance {
        /** Taken: it will become an SMS or an error copy, even across a restart. */
        record Accepted() implements Acceptance {
        }

        /** Too many messages wait to be stored: not taken; the sender is told to send again. */
        record Busy() implements Acceptance {
        }

        /** The gateway is shutting down: not taken; the sender is told to send again. */
        record Closed() implements Acceptance {
        }
    }

    Acceptance accept(OutboundMessage message);
}
