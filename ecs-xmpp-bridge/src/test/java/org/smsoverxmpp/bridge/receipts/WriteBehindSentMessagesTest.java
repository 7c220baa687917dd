package org.smsoverxmpp.bridge.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WriteBehindSentMessagesTest {

    /** The table as DynamoDB behaves: batches of at most 25, some left unprocessed, or an outage. */
    static class FakeTable extends DynamoSentMessages {
        final Map<String, SentMessage> stored = new ConcurrentHashMap<>();
        final List<Integer> batchSizes = new ArrayList<>();
        final AtomicInteger calls = new AtomicInteger();
        volatile int throttleFirstCalls;
        volatile boolean down;
        volatile CountDownLatch gate = new CountDownLatch(0);

        FakeTable() {
            super(null, "sent", Duration.ofDays(7), Clock.systemUTC());
        }

        @Override
        public synchronized List<SentMessage> rememberAll(List<SentMessage> messages) {
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            calls.incrementAndGet();
            assertThat(messages).hasSizeLessThanOrEqualTo(DynamoSentMessages.MAX_BATCH);
            batchSizes.add(messages.size());
            if (down) {
                throw new IllegalStateException("DynamoDB unreachable");
            }
            if (calls.get() <= throttleFirstCalls) {
                // DynamoDB took the first record and left the rest, as when throttled.
                stored.put(messages.get(0).messageId(), messages.get(0));
                return messages.subList(1, messages.size());
            }
            messages.forEach(m -> stored.put(m.messageId(), m));
            return List.of();
        }

        @Override
        public Optional<SentMessage> find(String messageId) {
            return Optional.ofNullable(stored.get(messageId));
        }
    }

    private static SentMessage sent(int i) {
        return new SentMessage("SM" + i, "alice@example.com/phone", "s" + i, "+15551234567@sms.example.com", true, "hi " + i);
    }

    @Test
    void aStatusCallbackThatOvertakesTheWriteStillFindsTheRecord() throws Exception {
        FakeTable table = new FakeTable();
        table.gate = new CountDownLatch(1);
        try (WriteBehindSentMessages sent = new WriteBehindSentMessages(table, 100, Duration.ofMillis(1), 1, Duration.ZERO)) {
            sent.remember(sent(1));
            assertThat(table.stored).isEmpty();
            assertThat(sent.find("SM1")).contains(sent(1));
            table.gate.countDown();
            assertThat(sent.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(table.stored).containsKey("SM1");
            assertThat(sent.find("SM1")).contains(sent(1));
        }
    }

    @Test
    void aBusyMinuteIsWrittenInFullBatches() throws Exception {
        FakeTable table = new FakeTable();
        table.gate = new CountDownLatch(1);
        try (WriteBehindSentMessages sent = new WriteBehindSentMessages(table, 1_000, Duration.ofMillis(1), 1, Duration.ZERO)) {
            for (int i = 0; i < 200; i++) {
                sent.remember(sent(i));
            }
            table.gate.countDown();
            assertThat(sent.flush(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(table.stored).hasSize(200);
        // The first call took what had arrived when the writer woke; the 199 waiting went a full batch at a time.
        int full = DynamoSentMessages.MAX_BATCH;
        assertThat(table.batchSizes).hasSizeLessThanOrEqualTo(1 + (199 + full - 1) / full);
    }

    @Test
    void whatDynamoDbLeavesUnprocessedIsWrittenAgain() throws Exception {
        FakeTable table = new FakeTable();
        table.throttleFirstCalls = 3;
        table.gate = new CountDownLatch(1);
        try (WriteBehindSentMessages sent = new WriteBehindSentMessages(table, 100, Duration.ofMillis(1), 1, Duration.ZERO)) {
            for (int i = 0; i < 10; i++) {
                sent.remember(sent(i));
            }
            table.gate.countDown();
            assertThat(sent.flush(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(table.stored).hasSize(10);
    }

    @Test
    void anOutageGivesTheRecordsUpAfterFiveAttemptsAndSendingGoesOn() throws Exception {
        FakeTable table = new FakeTable();
        table.down = true;
        try (WriteBehindSentMessages sent = new WriteBehindSentMessages(table, 100, Duration.ofMillis(1), 1, Duration.ZERO)) {
            sent.remember(sent(1));
            assertThat(sent.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(table.calls.get()).isEqualTo(5);
            assertThat(sent.find("SM1")).isEmpty();
            table.down = false;
            sent.remember(sent(2));
            assertThat(sent.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(sent.find("SM2")).contains(sent(2));
        }
    }

    @Test
    void whenTheTableIsStuckARecordIsGivenUpAfterItsWaitAndTheSendGoesOn() throws Exception {
        FakeTable table = new FakeTable();
        table.gate = new CountDownLatch(1);
        Duration wait = Duration.ofMillis(200);
        try (WriteBehindSentMessages sent = new WriteBehindSentMessages(table, 1, Duration.ofMillis(1), 1, Duration.ZERO, wait)) {
            sent.remember(sent(1)); // taken by the writer, which now waits for DynamoDB
            sent.remember(sent(2)); // fills the buffer
            long started = System.nanoTime();
            for (int i = 3; i < 5; i++) {
                sent.remember(sent(i));
            }
            // Each waited for room, and no longer than its wait.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(wait, Duration.ofSeconds(3));
            assertThat(sent.find("SM4")).isEmpty();
            table.gate.countDown();
            assertThat(sent.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(table.stored).containsKeys("SM1", "SM2");
        }
    }

    @Test
    void closeWritesWhatWaits() {
        FakeTable table = new FakeTable();
        table.gate = new CountDownLatch(1);
        WriteBehindSentMessages sent = new WriteBehindSentMessages(table, 100, Duration.ofMillis(1), 1, Duration.ZERO);
        for (int i = 0; i < 30; i++) {
            sent.remember(sent(i));
        }
        table.gate.countDown();
        sent.close();
        assertThat(table.stored).hasSize(30);
    }

    /**
     * The table as the AWS SDK behaves on an interrupted thread: the call fails, and the thread keeps its
     * interrupt flag, so every later call on it fails too. A slow table, so close() finds records waiting.
     */
    static class InterruptSensitiveTable extends FakeTable {
        @Override
        public synchronized List<SentMessage> rememberAll(List<SentMessage> messages) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("AbortedException: thread was interrupted");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("AbortedException: thread was interrupted", e);
            }
            messages.forEach(m -> stored.put(m.messageId(), m));
            return List.of();
        }
    }

    @Test
    void closeWritesEveryWaitingRecordEvenWhenTheClientFailsOnInterruptedThreads() {
        InterruptSensitiveTable table = new InterruptSensitiveTable();
        WriteBehindSentMessages sent = new WriteBehindSentMessages(table, 1000, Duration.ofMillis(1), 4, Duration.ZERO);
        for (int i = 0; i < 400; i++) {
            sent.remember(sent(i));
        }

        sent.close(Duration.ofSeconds(10));

        assertThat(table.stored).hasSize(400);
    }

    @Test
    void underLightTrafficRecordsArrivingOneByOneShareABatch() throws Exception {
        FakeTable table = new FakeTable();
        try (WriteBehindSentMessages sent = new WriteBehindSentMessages(table, 100, Duration.ofMillis(1), 4,
                Duration.ofSeconds(2))) {
            for (int i = 0; i < 10; i++) {
                sent.remember(sent(i));
                Thread.sleep(5);
            }
            assertThat(sent.flush(Duration.ofSeconds(10))).isTrue();
        }

        assertThat(table.batchSizes).containsExactly(10);
        assertThat(table.stored).hasSize(10);
    }

    @Test
    void aFullBatchGoesWithoutWaitingForTheLinger() throws Exception {
        FakeTable table = new FakeTable();
        try (WriteBehindSentMessages sent = new WriteBehindSentMessages(table, 100, Duration.ofMillis(1), 1,
                Duration.ofHours(1))) {
            for (int i = 0; i < DynamoSentMessages.MAX_BATCH; i++) {
                sent.remember(sent(i));
            }
            assertThat(sent.flush(Duration.ofSeconds(10))).isTrue();
        }

        assertThat(table.batchSizes).containsExactly(DynamoSentMessages.MAX_BATCH);
    }

    @Test
    void closingWritesAGatheringBatchAtOnce() {
        FakeTable table = new FakeTable();
        WriteBehindSentMessages sent = new WriteBehindSentMessages(table, 100, Duration.ofMillis(1), 1, Duration.ofHours(1));
        sent.remember(sent(1));

        long start = System.nanoTime();
        sent.close(Duration.ofSeconds(10));

        assertThat(table.stored).containsKey("SM1");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
