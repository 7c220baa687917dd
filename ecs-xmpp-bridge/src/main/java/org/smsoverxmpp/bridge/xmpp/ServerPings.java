package org.smsoverxmpp.bridge.xmpp;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.util.StringUtils;
import org.jxmpp.jid.DomainBareJid;

/**
 * XEP-0199 pings to the server, matched with their answers by id. The server handles a stream in order, so an
 * answer proves every stanza written before the ping was processed: this is how we acknowledge a batch.
 */
final class ServerPings {
    private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
    private final DomainBareJid from;
    private final DomainBareJid server;

    ServerPings(DomainBareJid from, DomainBareJid server) {
        this.from = from;
        this.server = server;
    }

    /** Registers a new ping and returns it; the future completes when the answer arrives. */
    Ping next(CompletableFuture<Void> answer) {
        // Unguessable, and answered only by the server: a user who could fake an answer could make us delete
        // a batch the server never processed.
        String id = "ack-" + StringUtils.randomString(16);
        pending.put(id, answer);
        answer.whenComplete((ok, error) -> pending.remove(id));
        return new Ping(StanzaBuilder.buildIqData(id).from(from).to(server));
    }

    /**
     * @return true when the IQ answered one of our pings. An error answer counts too: a server without
     *         XEP-0199 still processed what came before it.
     */
    boolean complete(IQ iq) {
        if ((iq.getType() != IQ.Type.result && iq.getType() != IQ.Type.error) || !server.equals(iq.getFrom())) {
            return false;
        }
        CompletableFuture<Void> answer = pending.get(iq.getStanzaId());
        if (answer == null) {
            return false;
        }
        answer.complete(null);
        return true;
    }

    /** The stream is gone: no answer will come for anything in flight. */
    void failAll(String reason) {
        IllegalStateException failure = new IllegalStateException(reason);
        pending.values().forEach(answer -> answer.completeExceptionally(failure));
        pending.clear();
    }
}
