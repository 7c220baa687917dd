package org.smsoverxmpp.bridge.xmpp;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smack.packet.Stanza;

/**
 * What the queue consumers need of the component connection: a stream to hold on to, writes tied to it, and
 * the ping whose answer proves the server processed everything written before it on that stream.
 */
public interface ComponentLink extends StanzaSender {
    /** @return true if connected within the timeout */
    boolean awaitConnected(Duration timeout) throws InterruptedException;

    /** The stream now up, or null. */
    XmppStream currentStream();

    StreamWrite send(Stanza stanza, XmppStream stream);

    /** Completes when the server answered; fails if the stream drops or the ping times out. */
    CompletableFuture<Void> pingServer(XmppStream stream);
}
