package org.smsoverxmpp.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.mapping.CachedMappings;
import org.smsoverxmpp.bridge.mapping.DynamoMappingStore;
import org.smsoverxmpp.bridge.mapping.Mapping;
import org.smsoverxmpp.bridge.mapping.Mappings;
import org.smsoverxmpp.local.LocalAws;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Row 10: a table of {@code count} mappings. Lookups both ways through the store (one GetItem, one Query on
 * the index; never a scan) and through the cache, and the heap the cache takes when it holds them all.
 */
final class MappingsAtScale {
    private final LocalAws aws;
    private final int count;

    MappingsAtScale(LocalAws aws, int count) {
        this.aws = aws;
        this.count = count;
    }

    static EntityBareJid user(int i) {
        return JidCreate.entityBareFromOrThrowUnchecked("user" + i + "@example.com");
    }

    static PhoneNumber number(int i) {
        return new PhoneNumber(String.format("+1555%07d", i));
    }

    List<String> run() throws Exception {
        long loadStarted = System.nanoTime();
        load();
        double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
        DynamoMappingStore store = new DynamoMappingStore(aws.dynamo, aws.table, aws.numberIndex);
        int samples = Math.min(1000, count);
        List<Double> byUser = new ArrayList<>();
        List<Double> byNumber = new ArrayList<>();
        for (int n = 0; n < samples; n++) {
            int i = ThreadLocalRandom.current().nextInt(count);
            byUser.add(timeMicros(() -> store.numberOf(user(i))));
            // moto answers an index query by scanning the table, so fewer samples of those.
            if (n % 10 == 0) {
                byNumber.add(timeMicros(() -> store.usersOf(number(i))));
            }
        }
        // Filled from memory: the question is what the cache holds, not how fast moto answers 100,000 reads.
        Mappings fromMemory = new Mappings() {
            @Override
            public Optional<Mapping> mappingOf(EntityBareJid user) {
                return Optional.of(new Mapping(user, number(Integer.parseInt(user.getLocalpart().toString().substring(4)))));
            }

            @Override
            public List<EntityBareJid> usersOf(PhoneNumber number) {
                return List.of();
            }
        };
        CachedMappings cache = new CachedMappings(fromMemory, Duration.ofHours(1), count);
        long heapBefore = usedHeap();
        for (int i = 0; i < count; i++) {
            cache.numberOf(user(i));
        }
        long heapAfter = usedHeap();
        List<Double> cached = new ArrayList<>();
        for (int n = 0; n < samples; n++) {
            int i = ThreadLocalRandom.current().nextInt(count);
            cached.add(timeMicros(() -> cache.numberOf(user(i))));
        }
        return List.of(
                String.format("| 10 | %,d mappings loaded (BatchWriteItem, 8 threads) | %.0f s |", count, loadSeconds),
                "| 10 | Lookup by user through the store (GetItem) | " + new Stats(byUser).describe("µs") + " |",
                "| 10 | Lookup by number through the store (Query on byNumber) | " + new Stats(byNumber).describe("µs") + " |",
                "| 10 | Lookup by user through the cache (hit) | " + new Stats(cached).describe("µs") + " |",
                String.format("| 10 | Heap held by the cache with all %,d users | %.1f MB |", count, (heapAfter - heapBefore) / 1e6));
    }

    private void load() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> batches = new ArrayList<>();
        for (int start = 0; start < count; start += 25) {
            int from = start;
            batches.add(pool.submit(() -> {
                List<WriteRequest> writes = new ArrayList<>();
                for (int i = from; i < Math.min(from + 25, count); i++) {
                    writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(
                            DynamoMappingStore.JID, AttributeValue.fromS(user(i).toString()),
                            DynamoMappingStore.NUMBER, AttributeValue.fromS(number(i).e164()))).build()).build());
                }
                var unprocessed = aws.dynamo.batchWriteItem(r -> r.requestItems(Map.of(aws.table, writes))).unprocessedItems();
                if (!unprocessed.isEmpty()) {
                    aws.dynamo.batchWriteItem(r -> r.requestItems(unprocessed));
                }
            }));
        }
        for (Future<?> batch : batches) {
            batch.get();
        }
        pool.shutdown();
    }

    private static double timeMicros(Runnable lookup) {
        long started = System.nanoTime();
        lookup.run();
        return (System.nanoTime() - started) / 1e3;
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
