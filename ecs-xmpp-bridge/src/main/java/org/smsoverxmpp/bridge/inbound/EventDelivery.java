package org.smsoverxmpp.bridge.inbound;

import org.smsoverxmpp.events.QueueEvent;

/** Turns one kind of queue event into what to write to XMPP: one implementation per kind. */
public interface EventDelivery<E extends QueueEvent> {
    DeliveryPlan plan(E event);
}
