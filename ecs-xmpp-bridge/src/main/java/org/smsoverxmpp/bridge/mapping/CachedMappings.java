package org.smsoverxmpp.bridge.mapping;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jxmpp.jid.EntityBareJid;
import org.smsoverxmpp.bridge.address.PhoneNumber;

/**
 * A short-lived cache in front of the store: a busy conversation costs one read per half TTL, and a changed
 * mapping takes effect within the TTL. A mapping in use is re-read in the background after half the TTL,
 * so a slow store never holds up a busy conversation (the old answer serves meanwhile); one not used for
 * the whole TTL is forgotten. Lookups that fail are not cached.
 */
public class CachedMappings implements Mappings {
    private final LoadingCache<EntityBareJid, Optional<Mapping>> mappings;
    private final LoadingCache<PhoneNumber, List<EntityBareJid>> users;

    public CachedMappings(Mappings store, Duration ttl, long maxEntries) {
        this(store, ttl, maxEntries, Ticker.systemTicker());
    }

    CachedMappings(Mappings store, Duration ttl, long maxEntries, Ticker ticker) {
        // Re-reads are blocking DynamoDB calls: their own threads, not the common pool (one thread on a
        // small task, shared with every cache's upkeep).
        ExecutorService rereads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "mapping-reread");
            t.setDaemon(true);
            return t;
        });
        this.mappings = cache(ttl, maxEntries, ticker, rereads).build(store::mappingOf);
        this.users = cache(ttl, maxEntries, ticker, rereads).build(number -> List.copyOf(store.usersOf(number)));
    }

    private static Caffeine<Object, Object> cache(Duration ttl, long maxEntries, Ticker ticker, Executor executor) {
        return Caffeine.newBuilder().ticker(ticker).executor(executor).expireAfterWrite(ttl)
                .refreshAfterWrite(ttl.dividedBy(2)).maximumSize(maxEntries);
    }

    @Override
    public Optional<Mapping> mappingOf(EntityBareJid user) {
        return mappings.get(user);
    }

    @Override
    public List<EntityBareJid> usersOf(PhoneNumber number) {
        return users.get(number);
    }
}
