package org.smsoverxmpp.bridge.xmpp;

import org.jivesoftware.smack.packet.Stanza;

/** Whoever acts on what the server sends the component (everything but the connection's own pings). */
public interface StanzaHandler {
    /** Called on the reader thread: hand slow work off. */
    void onStanza(Stanza stanza);

    /** A stanza that could not be read; answer it if its sender waits for an answer. */
    void onUnreadable(UnreadableStanza stanza);
}
