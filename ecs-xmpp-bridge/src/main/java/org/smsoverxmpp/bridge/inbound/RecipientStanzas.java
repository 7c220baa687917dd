package org.smsoverxmpp.bridge.inbound;

import java.util.List;
import org.jivesoftware.smack.packet.Stanza;

/**
 * What one user receives of an event. Delivery is tracked per recipient: on a shared number, a user whose
 * server bounces the SMS does not make the others receive it again.
 *
 * @param recipient the user's bare JID, as the server will name it when it bounces a stanza
 */
public record RecipientStanzas(String recipient, List<? extends Stanza> stanzas) {
    public RecipientStanzas {
        stanzas = List.copyOf(stanzas);
    }
}
