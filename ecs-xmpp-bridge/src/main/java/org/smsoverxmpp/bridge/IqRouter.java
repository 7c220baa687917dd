package org.smsoverxmpp.bridge;

import java.util.function.Consumer;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.smsoverxmpp.bridge.contacts.ContactCard;
import org.smsoverxmpp.bridge.contacts.GatewayPrompt;
import org.smsoverxmpp.bridge.discovery.Discovery;
import org.smsoverxmpp.bridge.xmpp.ext.GatewayQuery;

/** Answers every IQ request sent to the gateway or a phone contact; an unknown one gets an error, never silence. */
final class IqRouter {
    private final GatewayPrompt prompt;
    private final Consumer<Stanza> send;

    IqRouter(GatewayPrompt prompt, Consumer<Stanza> send) {
        this.prompt = prompt;
        this.send = send;
    }

    void onRequest(IQ iq) {
        boolean toGateway = iq.getTo() != null && iq.getTo().getLocalpartOrNull() == null;
        IQ answer;
        if (iq instanceof Ping) {
            answer = IQ.createResultIQ(iq);
        } else if (iq instanceof DiscoverInfo info && iq.getType() == IQ.Type.get) {
            answer = Discovery.answer(info, toGateway ? Discovery.Entity.GATEWAY : Discovery.Entity.PHONE);
        } else if (iq instanceof DiscoverItems && iq.getType() == IQ.Type.get) {
            answer = emptyItems(iq);
        } else if (iq instanceof GatewayQuery query && toGateway) {
            answer = prompt.answer(query);
        } else if (iq instanceof VCard card && iq.getType() == IQ.Type.get && !toGateway) {
            answer = ContactCard.answer(card);
        } else {
            answer = IQ.createErrorResponse(iq, StanzaError.Condition.feature_not_implemented);
        }
        send.accept(answer);
    }

    private static IQ emptyItems(IQ request) {
        DiscoverItems items = new DiscoverItems();
        items.setType(IQ.Type.result);
        items.setStanzaId(request.getStanzaId());
        items.setFrom(request.getTo());
        items.setTo(request.getFrom());
        return items;
    }
}
