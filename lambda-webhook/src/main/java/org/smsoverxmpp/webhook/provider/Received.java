package org.smsoverxmpp.webhook.provider;

import java.util.Objects;
import org.smsoverxmpp.events.QueueEvent;

/** What an authenticated webhook turned out to be: an event to queue, or something the gateway has no use for. */
public sealed interface Received {

    record Event(QueueEvent event) implements Received {
        public Event {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * A webhook the provider sends to the same URL that asks nothing of the gateway (a call, a number order):
     * answered as accepted, so the provider does not retry it, and queued nowhere.
     *
     * @param what what it was, for the log; never a number or a message's text
     */
    record Ignored(String what) implements Received {
        public Ignored {
            Objects.requireNonNull(what, "what");
        }
    }
}
