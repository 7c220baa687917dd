package org.smsoverxmpp.bridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.smsoverxmpp.bridge.address.PhoneNumber;

class CachedMappingsTest {
    private static final EntityBareJid ALICE = JidCreate.entityBareFromOrThrowUnchecked("alice@example.com");

    /** A store whose answer can change and whose reads can be held up. */
    static final class SlowStore implements Mappings {
        final AtomicReference<String> number = new AtomicReference<>("+15550000001");
        final AtomicInteger reads = new AtomicInteger();
        volatile CountDownLatch hold = new CountDownLatch(0);

        @Override
        public Optional<Mapping> mappingOf(EntityBareJid user) {
            reads.incrementAndGet();
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(new Mapping(user, new PhoneNumber(number.get())));
        }

        @Override
        public List<EntityBareJid> usersOf(PhoneNumber number) {
            return List.of(ALICE);
        }
    }

    private final AtomicLong nanos = new AtomicLong();
    private final SlowStore store = new SlowStore();
    private final CachedMappings cache = new CachedMappings(store, Duration.ofSeconds(60), 100, nanos::get);

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void aBusyConversationIsNotHeldUpWhileItsMappingIsReRead() {
        assertThat(cache.numberOf(ALICE)).contains(new PhoneNumber("+15550000001"));
        store.number.set("+15550000002");
        store.hold = new CountDownLatch(1);

        advance(Duration.ofSeconds(31));
        // The store is stuck, yet the answer comes at once: the old one, while the new one is read.
        assertThat(cache.numberOf(ALICE)).contains(new PhoneNumber("+15550000001"));

        store.hold.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!cache.numberOf(ALICE).equals(Optional.of(new PhoneNumber("+15550000002"))) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(cache.numberOf(ALICE)).contains(new PhoneNumber("+15550000002"));
        assertThat(store.reads.get()).isEqualTo(2);
    }

    @Test
    void aMappingUnusedForTheTtlIsReadAfresh() {
        cache.numberOf(ALICE);
        store.number.set("+15550000003");

        advance(Duration.ofSeconds(61));

        assertThat(cache.numberOf(ALICE)).contains(new PhoneNumber("+15550000003"));
    }

    @Test
    void withinHalfTheTtlTheStoreIsNotAskedAgain() {
        cache.numberOf(ALICE);
        advance(Duration.ofSeconds(29));
        cache.numberOf(ALICE);

        assertThat(store.reads.get()).isEqualTo(1);
    }
}
