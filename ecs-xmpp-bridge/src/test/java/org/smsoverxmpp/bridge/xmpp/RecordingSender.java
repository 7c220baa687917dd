package org.smsoverxmpp.bridge.xmpp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jivesoftware.smack.packet.Stanza;

/**
 * A stand-in for the component connection in unit tests: every stanza goes through the real codec, as on the
 * stream, and what would have been written is recorded.
 */
public final class RecordingSender implements StanzaSender {
    private final List<Stanza> sent = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    @Override
    public StreamWrite send(Stanza stanza) {
        StanzaCodec.Encoding encoding = StanzaCodec.encode(stanza);
        if (encoding instanceof StanzaCodec.Encoding.Refused r) {
            refused.add(r.reason());
            return new StreamWrite.Refused(r.reason());
        }
        sent.add(stanza);
        return StreamWrite.QUEUED;
    }

    public List<Stanza> sent() {
        return sent;
    }

    public List<String> refused() {
        return refused;
    }
}
