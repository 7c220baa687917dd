package org.smsoverxmpp.bridge;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.jivesoftware.smack.packet.StanzaError.Type;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.bridge.contacts.ContactCard;
import org.smsoverxmpp.bridge.contacts.GatewayPrompt;
import org.smsoverxmpp.bridge.discovery.Discovery;
import org.smsoverxmpp.bridge.xmpp.StanzaSender;
import org.smsoverxmpp.bridge.xmpp.IqErrors;
import org.smsoverxmpp.bridge.xmpp.StreamWrite;
import org.smsoverxmpp.bridge.xmpp.UnreadableStanza;
import org.smsoverxmpp.bridge.xmpp.ext.GatewayQuery;

/**
 * Answers every IQ request sent to the gateway or a phone contact exactly once, whatever its namespace or
 * payload: the requests the gateway serves, {@code service-unavailable} for any other namespace (RFC 6120
 * §8.4), {@code bad-request} for one that could not be read, and {@code internal-server-error} when building
 * the answer failed. Errors never echo the request's payload.
 */
final class IqRouter {
    private static final Logger LOG = LoggerFactory.getLogger(IqRouter.class);

    private final GatewayPrompt prompt;
    private final StanzaSender xmpp;

    IqRouter(GatewayPrompt prompt, StanzaSender xmpp) {
        this.prompt = prompt;
        this.xmpp = xmpp;
    }

    void onRequest(IQ iq) {
        IQ answer;
        try {
            answer = answer(iq);
        } catch (RuntimeException e) {
            LOG.error("could not answer an IQ <{} xmlns='{}'> from {}", iq.getChildElementName(), iq.getChildElementNamespace(),
                    iq.getFrom(), e);
            answer = IqErrors.to(iq, Condition.internal_server_error, Type.WAIT, "The gateway could not answer this request.");
        }
        if (xmpp.send(answer) instanceof StreamWrite.Refused) {
            xmpp.send(IqErrors.to(iq, Condition.internal_server_error, Type.WAIT, "The gateway could not answer this request."));
        }
    }

    /** A request the reader could not turn into Smack's model: answered from what its start tag says. */
    void onUnreadable(UnreadableStanza request) {
        if (request.fromJid().isEmpty() || request.toJid().isEmpty()) {
            LOG.warn("cannot answer an unreadable IQ: no usable 'from' or 'to' ({} → {})", request.from(), request.to());
            return;
        }
        xmpp.send(IqErrors.build(request.id(), request.toJid().get(), request.fromJid().get(), Condition.bad_request,
                Type.MODIFY, "The gateway could not read this request."));
    }

    private IQ answer(IQ iq) {
        boolean toGateway = iq.getTo() != null && iq.getTo().getLocalpartOrNull() == null;
        if (iq instanceof Ping) {
            return IQ.createResultIQ(iq);
        } else if (iq instanceof DiscoverInfo info && iq.getType() == IQ.Type.get) {
            return Discovery.answer(info, toGateway ? Discovery.Entity.GATEWAY : Discovery.Entity.PHONE);
        } else if (iq instanceof DiscoverItems && iq.getType() == IQ.Type.get) {
            return emptyItems(iq);
        } else if (iq instanceof GatewayQuery query && toGateway) {
            return prompt.answer(query);
        } else if (iq instanceof VCard card && iq.getType() == IQ.Type.get && !toGateway) {
            return ContactCard.answer(card);
        }
        return IqErrors.to(iq, Condition.service_unavailable, Type.CANCEL, null);
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
