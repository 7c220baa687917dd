package org.smsoverxmpp.bridge.mapping;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.smsoverxmpp.bridge.address.PhoneNumber;

/**
 * A short-lived cache in front of the store: a busy conversation costs one read per TTL, and a changed
 * mapping takes effect within the TTL. Lookups that fail are not cached.
 */
public class CachedMappings implements Mappings {
    private final LoadingCache<EntityBareJid, Optional<PhoneNumber>> numbers;
    private final LoadingCache<PhoneNumber, List<EntityBareJid>> users;

    public CachedMappings(Mappings store, Duration ttl, long maxEntries) {
        this.numbers = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build(store::numberOf);
        this.users = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries)
                .build(number -> List.copyOf(store.usersOf(number)));
    }

    @Override
    public Optional<PhoneNumber> numberOf(EntityBareJid user) {
        return numbers.get(user);
    }

    @Override
    public List<EntityBareJid> usersOf(PhoneNumber number) {
        return users.get(number);
    }
}
