package org.smsoverxmpp.bridge.mapping;

import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.smsoverxmpp.bridge.address.PhoneNumber;

/** Who is who: the number (and provider) a user sends from, and the users an SMS to a number goes to. */
public interface Mappings {
    Optional<Mapping> mappingOf(EntityBareJid user);

    default Optional<PhoneNumber> numberOf(EntityBareJid user) {
        return mappingOf(user).map(Mapping::number);
    }

    /** Every user mapped to the number; a shared number has several, and each receives. */
    List<EntityBareJid> usersOf(PhoneNumber number);
}
