package org.smsoverxmpp.e2e.harness;

import java.util.Optional;
import org.awaitility.Awaitility;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.smsoverxmpp.local.XmppServer;

/**
 * The person using the gateway: a Smack client logged into Prosody. Component senders have no resource,
 * so it listens for message stanzas rather than using ChatManager.
 */
public final class XmppUser implements AutoCloseable {
    private final XMPPTCPConnection connection;
    private final List<Message> received = new CopyOnWriteArrayList<>();

    public XmppUser(int port, String name, String password) throws Exception {
        connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(XmppServer.DOMAIN)
                .setHost("127.0.0.1")
                .setPort(port)
                .setUsernameAndPassword(name, password)
                .setResource("phone")
                .setSecurityMode(SecurityMode.disabled)
                .setConnectTimeout(5_000)
                .build());
        connection.setReplyTimeout(10_000);
        // Synchronous, so the list holds messages in the order the server delivered them.
        connection.addSyncStanzaListener(stanza -> received.add((Message) stanza), StanzaTypeFilter.MESSAGE);
        login();
    }

    /** Logs in (again, after a server restart); stored offline messages then arrive. */
    public void login() throws Exception {
        if (connection.isConnected()) {
            connection.disconnect();
        }
        connection.connect().login();
    }

    public EntityBareJid jid() {
        return connection.getUser().asEntityBareJid();
    }

    public void send(Message message) throws Exception {
        connection.sendStanza(message);
    }

    public XMPPTCPConnection connection() {
        return connection;
    }

    public List<Message> received() {
        return new ArrayList<>(received);
    }

    /** Waits until a message matching {@code match} has arrived, and returns the first such. */
    public Message await(Predicate<Message> match, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(20))
                .alias("a matching message; received: " + summary())
                .until(() -> received.stream().filter(match).findFirst(), Optional::isPresent).get();
    }

    public List<Message> matching(Predicate<Message> match) {
        return received.stream().filter(match).toList();
    }

    private String summary() {
        return received.stream().map(m -> m.getType() + " from " + m.getFrom() + ": "
                + (m.getBody() == null ? "(no body)" : abbreviate(m.getBody()))).toList().toString();
    }

    private static String abbreviate(String body) {
        return body.length() > 40 ? body.substring(0, 40) + "…" : body;
    }

    public static EntityBareJid jid(String text) {
        try {
            return JidCreate.entityBareFrom(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
