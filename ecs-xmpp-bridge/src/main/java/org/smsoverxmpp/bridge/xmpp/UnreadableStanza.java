package org.smsoverxmpp.bridge.xmpp;

import java.util.Optional;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * A stanza Smack could not turn into its model, told by what its start tag says, so it can still be answered
 * when its sender and id can be recovered. The raw attribute values are as received.
 */
public record UnreadableStanza(String element, String from, String to, String id, String type, String reason) {

    public Optional<Jid> fromJid() {
        return jid(from);
    }

    public Optional<Jid> toJid() {
        return jid(to);
    }

    /** An IQ get or set: its sender waits for exactly one answer. */
    public boolean isRequest() {
        return element.equals("iq") && ("get".equals(type) || "set".equals(type));
    }

    private static Optional<Jid> jid(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JidCreate.from(text));
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
