package org.smsoverxmpp.bridge;

import java.util.function.Consumer;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.bridge.outbound.OutboundSms;
import org.smsoverxmpp.bridge.presence.PresenceResponder;
import org.smsoverxmpp.bridge.xmpp.StanzaHandler;
import org.smsoverxmpp.bridge.xmpp.StanzaSender;
import org.smsoverxmpp.bridge.xmpp.UnreadableStanza;

/** Routes what the server sends the component: messages to the SMS path, requests and presence to their answers. */
final class IncomingStanzas implements StanzaHandler {
    private static final Logger LOG = LoggerFactory.getLogger(IncomingStanzas.class);

    private final OutboundSms outbound;
    private final Consumer<Message> bounces;
    private final IqRouter requests;
    private final PresenceResponder presence;
    private final StanzaSender xmpp;

    IncomingStanzas(OutboundSms outbound, Consumer<Message> bounces, IqRouter requests, PresenceResponder presence,
            StanzaSender xmpp) {
        this.outbound = outbound;
        this.bounces = bounces;
        this.requests = requests;
        this.presence = presence;
        this.xmpp = xmpp;
    }

    @Override
    public void onStanza(Stanza stanza) {
        if (stanza instanceof Message message && message.getType() == Message.Type.error) {
            // The server returning one of ours: an SMS it could not store, or a receipt nobody took.
            bounces.accept(message);
        } else if (stanza instanceof Message message) {
            outbound.onMessage(message);
        } else if (stanza instanceof IQ iq && isRequest(iq)) {
            // An IQ request must always be answered, or the client waits forever.
            requests.onRequest(iq);
        } else if (stanza instanceof Presence p) {
            presence.onPresence(p);
        }
    }

    /** Never silence: a request gets an error answer, a message an error copy without its unreadable content. */
    @Override
    public void onUnreadable(UnreadableStanza stanza) {
        if (stanza.isRequest()) {
            requests.onUnreadable(stanza);
        } else if (stanza.element().equals("message") && !"error".equals(stanza.type())
                && stanza.fromJid().isPresent() && stanza.toJid().isPresent()) {
            xmpp.send(StanzaBuilder.buildMessage(stanza.id()).from(stanza.toJid().get()).to(stanza.fromJid().get())
                    .ofType(Message.Type.error)
                    .setError(StanzaError.getBuilder(StanzaError.Condition.bad_request).setType(StanzaError.Type.MODIFY)
                            .setDescriptiveEnText("The gateway could not read this message, so it was not sent as an SMS.")
                            .build())
                    .build());
        } else {
            LOG.info("nothing to answer for an unreadable <{}> of type '{}'", stanza.element(), stanza.type());
        }
    }

    private static boolean isRequest(IQ iq) {
        return iq.getType() == IQ.Type.get || iq.getType() == IQ.Type.set;
    }
}
