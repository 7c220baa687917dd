package org.smsoverxmpp.bridge.xmpp;

import org.jivesoftware.smack.packet.Stanza;

/** Writes a stanza on the live component stream (the component connection; a recorder in unit tests). */
public interface StanzaSender {
    StreamWrite send(Stanza stanza);
}
