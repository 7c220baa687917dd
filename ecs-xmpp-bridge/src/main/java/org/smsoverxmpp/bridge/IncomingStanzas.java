package org.smsoverxmpp.bridge;

import java.util.function.Consumer;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.Presence;
import org.smsoverxmpp.bridge.outbound.OutboundSms;
import org.smsoverxmpp.bridge.presence.PresenceResponder;

/** Routes what the server sends the component: messages to the SMS path, requests and presence to their answers. */
final class IncomingStanzas implements Consumer<Stanza> {
    private final OutboundSms outbound;
    private final Consumer<Message> bounces;
    private final IqRouter requests;
    private final PresenceResponder presence;

    IncomingStanzas(OutboundSms outbound, Consumer<Message> bounces, IqRouter requests, PresenceResponder presence) {
        this.outbound = outbound;
        this.bounces = bounces;
        this.requests = requests;
        this.presence = presence;
    }

    @Override
    public void accept(Stanza stanza) {
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

    private static boolean isRequest(IQ iq) {
        return iq.getType() == IQ.Type.get || iq.getType() == IQ.Type.set;
    }
}
