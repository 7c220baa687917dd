package org.smsoverxmpp.bridge.inbound;

import org.smsoverxmpp.bridge.queue.ReceivedMessage;
import java.time.Clock;
import java.time.Duration;

/**
 * When to try a failing event again, and when to stop: the delay asked for, doubled on each further receive
 * up to {@link #MAX_DELAY}; after the budget's give-up time of failing, the event goes to the dead-letter queue
 * with its last reason. Age, not the receive count, decides: an event that waited behind another of its
 * conversation, or was handed back at a restart, has not failed itself.
 */
final class RetryPolicy {
    static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private final Clock clock;
    private final Duration giveUpAfter;

    RetryPolicy(Clock clock, Duration giveUpAfter) {
        this.clock = clock;
        this.giveUpAfter = giveUpAfter;
    }

    Delivery decide(ReceivedMessage event, Duration asked, String reason) {
        Duration age = Duration.between(event.firstReceived(), clock.instant());
        if (age.compareTo(giveUpAfter) > 0) {
            return new Delivery.Rejected("still failing after " + age.toSeconds() + " s: " + reason);
        }
        Duration delay = asked;
        for (int i = 1; i < event.receiveCount() && delay.compareTo(MAX_DELAY) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return new Delivery.RetryAfter(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay, reason);
    }
}
