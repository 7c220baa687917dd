package org.smsoverxmpp.bridge.xmpp;

import org.jivesoftware.smack.packet.ErrorIQ;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jxmpp.jid.Jid;

/**
 * Error answers to IQ requests that never echo the request's payload. RFC 6120 §8.3.1 lets an error leave it
 * out, and Smack's own error response copies it back, escaped into a start tag that breaks the stream when
 * the payload is one Smack could not model (an IQ in a namespace it does not know).
 */
public final class IqErrors {
    private IqErrors() {
    }

    public static IQ to(IQ request, StanzaError.Condition condition, StanzaError.Type type, String text) {
        return build(request.getStanzaId(), request.getTo(), request.getFrom(), condition, type, text);
    }

    /** @param from the entity answering (the request's 'to'); @param to who asked */
    public static IQ build(String id, Jid from, Jid to, StanzaError.Condition condition, StanzaError.Type type, String text) {
        StanzaError.Builder error = StanzaError.getBuilder(condition).setType(type);
        if (text != null) {
            error.setDescriptiveEnText(text);
        }
        return ErrorIQ.builder(error.build(), StanzaBuilder.buildIqData(id).ofType(IQ.Type.error).from(from).to(to)).build();
    }
}
