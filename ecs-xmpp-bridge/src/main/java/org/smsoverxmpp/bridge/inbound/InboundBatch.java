package org.smsoverxmpp.bridge.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jivesoftware.smack.packet.Stanza;
import org.smsoverxmpp.bridge.xmpp.ComponentConnection;
import org.smsoverxmpp.bridge.xmpp.StreamWrite;
import org.smsoverxmpp.bridge.xmpp.XmppStream;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * One batch from the queue on its way to the server: every stanza goes over one stream, and the ping that
 * acknowledges them over the same one. A stanza the server bounces before the ping's answer (offline storage
 * full, account gone) takes its queue message out of the batch, so it is redelivered rather than deleted.
 */
final class InboundBatch {
    /** A queue message whose content went to the server. */
    record Written(Message message, String deduplicationId) {
    }

    private final ComponentConnection xmpp;
    private final XmppStream stream;
    private final List<Written> written = new ArrayList<>();
    private final Map<String, Written> byStanzaId = new ConcurrentHashMap<>();
    private final Set<Written> bounced = ConcurrentHashMap.newKeySet();

    InboundBatch(ComponentConnection xmpp) {
        this.xmpp = xmpp;
        this.stream = xmpp.currentStream();
    }

    /**
     * @return {@link StreamWrite.Queued} when every stanza was written; {@link StreamWrite.NotConnected} if the
     *         stream this batch started on is gone; {@link StreamWrite.Refused} if a stanza could not be written
     *         safely. Either way the message is then not confirmed.
     */
    StreamWrite send(Written message, List<? extends Stanza> stanzas) {
        for (Stanza stanza : stanzas) {
            if (stanza.getStanzaId() != null) {
                byStanzaId.put(stanza.getStanzaId(), message);
            }
            StreamWrite write = xmpp.send(stanza, stream);
            if (!write.isQueued()) {
                return write;
            }
        }
        written.add(message);
        return StreamWrite.QUEUED;
    }

    /** A message that needs no stanza (a repeat, a status with nothing to tell) is confirmed with the rest. */
    void skip(Written message) {
        written.add(message);
    }

    /** Called on the XMPP reader thread when the server returns one of our stanzas as an error. */
    boolean bounce(String stanzaId) {
        Written message = stanzaId == null ? null : byStanzaId.get(stanzaId);
        if (message == null) {
            return false;
        }
        bounced.add(message);
        return true;
    }

    boolean isEmpty() {
        return written.isEmpty();
    }

    XmppStream stream() {
        return stream;
    }

    /** What the server took: written, and not bounced. Call once the ping's answer has arrived. */
    List<Written> confirmed() {
        return written.stream().filter(w -> !bounced.contains(w)).toList();
    }
}
