package org.smsoverxmpp.bridge.mapping;

import java.util.Objects;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.events.ProviderName;

/**
 * An XMPP account (bare JID), the number it sends from and receives at, and the provider that number is with
 * (empty: the deployment's default, {@code SMS_PROVIDER}).
 */
public record Mapping(EntityBareJid jid, PhoneNumber number, Optional<String> provider) {
    public Mapping {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(number, "number");
        provider.ifPresent(ProviderName::check);
    }

    public Mapping(EntityBareJid jid, PhoneNumber number) {
        this(jid, number, Optional.empty());
    }
}
