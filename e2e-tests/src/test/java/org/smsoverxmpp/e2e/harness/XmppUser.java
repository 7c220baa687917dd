package org.smsoverxmpp.e2e.harness;

import java.util.Optional;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
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
import org.jivesoftware.smackx.ping.PingManager;
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
        // Smack sends the initial presence without waiting for the server. A message sent to the bare JID before
        // the server has taken that presence goes to offline storage, and ejabberd can keep it there until the
        // next login (seen in CI: the copy for a user who had logged in 26 ms earlier). The server handles a
        // client's stanzas in order, so once this ping is answered the presence is taken and the user available.
        if (!PingManager.getInstanceFor(connection).pingMyServer(false)) {
            throw new IllegalStateException(connection.getUser() + " logged in, but the server did not answer a ping");
        }
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
        try {
            return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(20))
                    .until(() -> received.stream().filter(match).findFirst(), Optional::isPresent).get();
        } catch (ConditionTimeoutException e) {
            // What had arrived by the end of the wait, not by its start.
            throw new AssertionError("no matching message within " + timeout + "; received: " + summary(), e);
        }
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
