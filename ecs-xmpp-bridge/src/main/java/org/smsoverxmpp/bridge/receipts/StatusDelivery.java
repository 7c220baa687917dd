package org.smsoverxmpp.bridge.receipts;

import java.time.Duration;
import java.util.List;
import org.jivesoftware.smack.packet.Stanza;
import org.smsoverxmpp.bridge.inbound.DeliveryPlan;
import org.smsoverxmpp.bridge.inbound.EventDelivery;
import org.smsoverxmpp.bridge.inbound.RecipientStanzas;
import org.smsoverxmpp.events.DeliveryStatus;

/**
 * A delivery-status callback for an SMS the gateway sent: a receipt or a failure notice for the full JID
 * that sent it, or nothing. If that client has gone offline the server bounces it, and trying again would
 * not bring it back: bounces of these are not retried.
 */
public final class StatusDelivery implements EventDelivery<DeliveryStatus> {
    private final DeliveryReports reports;

    public StatusDelivery(DeliveryReports reports) {
        this.reports = reports;
    }

    @Override
    public DeliveryPlan plan(DeliveryStatus status) {
        List<Stanza> stanzas;
        try {
            stanzas = reports.stanzasFor(status);
        } catch (RuntimeException e) {
            return new DeliveryPlan.Retry(Duration.ofSeconds(5), "could not look up the sent SMS: " + e);
        }
        if (stanzas.isEmpty()) {
            return new DeliveryPlan.Nothing("status '" + status.status().wire() + "' needs no stanza");
        }
        String sender = stanzas.get(0).getTo().asBareJid().toString();
        return new DeliveryPlan.Write(List.of(new RecipientStanzas(sender, stanzas)), false);
    }
}
