package org.smsoverxmpp.bridge.mapping;

import java.util.Objects;
import org.jxmpp.jid.EntityBareJid;
import org.smsoverxmpp.bridge.address.PhoneNumber;

/** An XMPP account (bare JID) and the Twilio number it sends from and receives at. */
public record Mapping(EntityBareJid jid, PhoneNumber number) {
    public Mapping {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(number, "number");
    }
}
