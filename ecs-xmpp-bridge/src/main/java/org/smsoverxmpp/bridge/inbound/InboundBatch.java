package org.smsoverxmpp.bridge.inbound;

import org.smsoverxmpp.bridge.queue.ReceivedMessage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jivesoftware.smack.packet.Stanza;
import org.smsoverxmpp.bridge.xmpp.ComponentLink;
import org.smsoverxmpp.bridge.xmpp.StreamWrite;
import org.smsoverxmpp.bridge.xmpp.XmppStream;

/**
 * One batch from the queue on its way to the server: every stanza goes over one stream, and the ping that
 * acknowledges them over the same one. Delivery is tracked per recipient: a stanza the server bounces before
 * the ping's answer (offline storage full, account gone) takes only its recipient out of the confirmed ones.
 */
final class InboundBatch {
    private final ComponentLink xmpp;
    private final XmppStream stream;
    /** Recipients all of whose stanzas were written, per event. */
    private final Map<ReceivedMessage, Set<String>> written = new ConcurrentHashMap<>();
    private final Map<ReceivedMessage, Set<String>> bounced = new ConcurrentHashMap<>();
    /** "stanza id|recipient" of each stanza written, to match a bounce to its event and recipient. */
    private final Map<String, ReceivedMessage> byStanza = new ConcurrentHashMap<>();

    InboundBatch(ComponentLink xmpp) {
        this.xmpp = xmpp;
        this.stream = xmpp.currentStream();
    }

    /**
     * @return {@link StreamWrite.Queued} when every stanza was written; otherwise what stopped it. The
     *         recipients whose stanzas all went out before that still count as written.
     */
    StreamWrite write(ReceivedMessage event, List<RecipientStanzas> recipients) {
        Set<String> done = written.computeIfAbsent(event, e -> ConcurrentHashMap.newKeySet());
        for (RecipientStanzas recipient : recipients) {
            for (Stanza stanza : recipient.stanzas()) {
                if (stanza.getStanzaId() != null) {
                    byStanza.put(stanza.getStanzaId() + "|" + recipient.recipient(), event);
                }
                StreamWrite write = xmpp.send(stanza, stream);
                if (!write.isQueued()) {
                    return write;
                }
            }
            done.add(recipient.recipient());
        }
        return StreamWrite.QUEUED;
    }

    /**
     * Called on the XMPP reader thread when the server returns one of our stanzas as an error.
     *
     * @param from the bounce's sender: the recipient the stanza was for
     */
    boolean bounce(String stanzaId, String from) {
        ReceivedMessage event = stanzaId == null ? null : byStanza.get(stanzaId + "|" + from);
        if (event == null) {
            return false;
        }
        bounced.computeIfAbsent(event, e -> ConcurrentHashMap.newKeySet()).add(from);
        return true;
    }

    XmppStream stream() {
        return stream;
    }

    boolean hasStream() {
        return stream != null;
    }

    /** The recipients the server took: written and not bounced. Ask once the ping's answer has arrived. */
    Set<String> confirmed(ReceivedMessage event) {
        Set<String> confirmed = new HashSet<>(written.getOrDefault(event, Set.of()));
        confirmed.removeAll(bounced.getOrDefault(event, Set.of()));
        return confirmed;
    }

    Set<String> bounced(ReceivedMessage event) {
        return Set.copyOf(bounced.getOrDefault(event, Set.of()));
    }
}
