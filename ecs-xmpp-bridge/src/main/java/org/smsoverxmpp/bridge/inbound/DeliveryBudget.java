package org.smsoverxmpp.bridge.inbound;

import java.time.Duration;
import org.smsoverxmpp.bridge.queue.VisibilityHeartbeat;

/**
 * Every time limit of an inbound delivery, derived in one place from the settings that bound them: the queue's
 * visibility timeout (read from the queue at start), the XMPP ping timeout, and how long a failing event is
 * retried before it goes to the dead-letter queue. Because a batch in hand is kept invisible, the visibility
 * timeout need not cover the acknowledging ping: it only bounds how soon a crashed consumer's batch comes back.
 *
 * @param visibility how long a received message stays invisible to other consumers
 * @param pingTimeout how long the acknowledging ping may take
 * @param giveUpAfter how long an event may keep failing (its own failures) before it is dead-lettered
 */
public record DeliveryBudget(Duration visibility, Duration pingTimeout, Duration giveUpAfter) {

    /**
     * How often a batch in hand is made invisible again for a full {@link #visibility}: a third of it, so two
     * heartbeats can fail before another consumer could see the messages. Slow media then costs time, never
     * a second copy or a receive.
     */
    public Duration heartbeat() {
        return VisibilityHeartbeat.interval(visibility);
    }

    /** A batch whose stream dropped, or whose ping went unanswered, is handed back this soon (not after the whole visibility). */
    public Duration afterStreamFailure() {
        return Duration.ofSeconds(1);
    }

    /** Another consumer is writing the same event: by the end of its visibility it has settled it. */
    public Duration whileClaimedElsewhere() {
        return visibility;
    }
}
