package org.smsoverxmpp.bench;

import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.EntityBareJid;
import org.smsoverxmpp.local.XmppServer;

/**
 * The user's client (Smack, logged into Prosody), noting when each numbered message arrived, and counting
 * error stanzas, which a load row must not produce.
 */
final class CountingUser implements AutoCloseable {
    private final XMPPTCPConnection connection;
    private final Tally tally;
    private final AtomicInteger errors = new AtomicInteger();

    CountingUser(XmppServer server, String name, String password, int capacity) throws Exception {
        tally = new Tally(capacity);
        connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(XmppServer.DOMAIN).setHost("127.0.0.1").setPort(server.c2sPort())
                .setUsernameAndPassword(name, password).setResource("bench")
                .setSecurityMode(SecurityMode.disabled).setConnectTimeout(5_000).build());
        connection.setReplyTimeout(10_000);
        // Synchronous: in order, on one thread, without a task per stanza.
        connection.addSyncStanzaListener(this::onMessage, StanzaTypeFilter.MESSAGE);
        connection.connect().login();
    }

    private void onMessage(Stanza stanza) {
        Message message = (Message) stanza;
        if (message.getType() == Message.Type.error) {
            errors.incrementAndGet();
        } else {
            tally.arrived(message.getBody());
        }
    }

    void send(Message message) throws Exception {
        connection.sendStanza(message);
    }

    EntityBareJid jid() {
        return connection.getUser().asEntityBareJid();
    }

    Tally tally() {
        return tally;
    }

    int errors() {
        return errors.get();
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
