package org.smsoverxmpp.bridge.inbound;

import java.time.Duration;

/**
 * What became of one queue event, which decides what happens to its queue message: deleted, made visible
 * again after a delay, or moved to the dead-letter queue at once with the reason. A permanent failure never
 * spends retries meant for transient ones, and a transient one never lands in the dead-letter queue early.
 */
public sealed interface Delivery {
    /** The server took it (or there was nothing to deliver): the queue message is deleted. */
    record Delivered() implements Delivery {
    }

    /** Not now (a lookup failed, the server bounced it, the stream dropped): tried again after the delay. */
    record RetryAfter(Duration delay, String reason) implements Delivery {
    }

    /** Never (no user has the number, the event cannot be read): to the dead-letter queue, with the reason. */
    record Rejected(String reason) implements Delivery {
    }

    Delivery DELIVERED = new Delivered();
}
