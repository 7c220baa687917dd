package org.smsoverxmpp.bridge;

import java.util.function.Consumer;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.smsoverxmpp.bridge.outbound.OutboundSms;

/** Routes what the server sends the component: messages to the SMS path, unknown requests to an error. */
final class IncomingStanzas implements Consumer<Stanza> {
    private final OutboundSms outbound;
    private final Consumer<Stanza> send;

    IncomingStanzas(OutboundSms outbound, Consumer<Stanza> send) {
        this.outbound = outbound;
        this.send = send;
    }

    @Override
    public void accept(Stanza stanza) {
        if (stanza instanceof Message message) {
            outbound.onMessage(message);
        } else if (stanza instanceof IQ iq && isRequest(iq)) {
            // An IQ request must always be answered, or the client waits forever.
            send.accept(IQ.createErrorResponse(iq, StanzaError.Condition.feature_not_implemented));
        }
    }

    private static boolean isRequest(IQ iq) {
        return iq.getType() == IQ.Type.get || iq.getType() == IQ.Type.set;
    }
}
