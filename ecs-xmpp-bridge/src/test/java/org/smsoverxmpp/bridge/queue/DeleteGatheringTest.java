package org.smsoverxmpp.bridge.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deletes of one queue shared across its consumers: fewer SQS calls, none lost, all sent by a graceful stop. */
class DeleteGatheringTest {
    private final FakeSqs sqs = new FakeSqs();
    private final List<QueuePoller> pollers = new ArrayList<>();

    @AfterEach
    void close() {
        pollers.forEach(QueuePoller::close);
    }

    private QueuePoller poller(Duration linger) {
        QueuePoller poller = new QueuePoller(sqs, "queue", Optional.of("dlq"), Clock.systemUTC())
                .gatherDeletes(linger, 4, "test-deletes");
        pollers.add(poller);
        return poller;
    }

    private static List<ReceivedMessage> messages(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> new ReceivedMessage(
                FakeSqs.message("m" + i, "{}", "g" + i, 1, 0), "g" + i, 1, java.time.Instant.EPOCH, false)).toList();
    }

    @Test
    void singleDeletesOfConsumersSideBySideShareOneCall() throws Exception {
        QueuePoller poller = poller(Duration.ofSeconds(2));
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> consumers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            List<ReceivedMessage> one = messages(c, 1);
            Thread consumer = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                poller.delete(one);
            });
            consumer.start();
            consumers.add(consumer);
        }
        start.countDown();
        for (Thread consumer : consumers) {
            consumer.join();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> sqs.deleted.size() == 4);
        assertThat(sqs.deleteCalls).containsExactly(4);
        assertThat(sqs.deleted).containsExactlyInAnyOrder("rh-m0", "rh-m1", "rh-m2", "rh-m3");
    }

    @Test
    void tenWaitingGoAtOnceWithoutTheLinger() {
        QueuePoller poller = poller(Duration.ofHours(1));
        for (int i = 0; i < 10; i++) {
            poller.delete(messages(i, 1));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> sqs.deleted.size() == 10);
        assertThat(sqs.deleteCalls).containsExactly(10);
    }

    @Test
    void noCallHoldsMoreThanSqsAllowsAndEveryMessageIsDeletedOnce() {
        QueuePoller poller = poller(Duration.ofMillis(20));
        for (int i = 0; i < 25; i += 5) {
            poller.delete(messages(i, 5));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> sqs.deleted.size() == 25);
        assertThat(sqs.deleteCalls).allSatisfy(size -> assertThat(size).isBetween(1, QueuePoller.MAX_BATCH));
        assertThat(sqs.deleted).doesNotHaveDuplicates();
    }

    @Test
    void aSlowDeleteCallDoesNotHoldBackTheNextBatch() {
        QueuePoller poller = poller(Duration.ofHours(1));
        sqs.slowDelete = "rh-m0";
        poller.delete(messages(0, 10));
        poller.delete(messages(10, 10));

        await().atMost(Duration.ofSeconds(10)).until(() -> sqs.deleted.size() == 10);
        assertThat(sqs.deleted).startsWith("rh-m10");
        sqs.slowDeleteGate.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> sqs.deleted.size() == 20);
    }

    @Test
    void aFailedDeleteCallLeavesItsMessagesToComeBackAndLaterDeletesStillGo() {
        QueuePoller poller = poller(Duration.ofMillis(20));
        sqs.failDeleteCalls.set(1);
        poller.delete(messages(0, 10));
        await().atMost(Duration.ofSeconds(10)).until(() -> sqs.failDeleteCalls.get() <= 0);

        poller.delete(messages(10, 1));

        await().atMost(Duration.ofSeconds(10)).until(() -> sqs.deleted.size() == 1);
        assertThat(sqs.deleted).containsExactly("rh-m10");
    }

    @Test
    void aLoneDeleteIsSentAfterTheLinger() {
        QueuePoller poller = poller(Duration.ofMillis(50));
        poller.delete(messages(0, 1));

        await().atMost(Duration.ofSeconds(10)).until(() -> sqs.deleted.size() == 1);
        assertThat(sqs.deleteCalls).containsExactly(1);
    }

    @Test
    void aGracefulStopDeletesWhatIsGatheredAndLaterDeletesGoAtOnce() {
        QueuePoller poller = poller(Duration.ofHours(1));
        poller.delete(messages(0, 3));
        assertThat(sqs.deleted).isEmpty();

        poller.close();
        assertThat(sqs.deleted).containsExactly("rh-m0", "rh-m1", "rh-m2");

        poller.delete(messages(3, 1));
        assertThat(sqs.deleted).hasSize(4);
    }

    @Test
    void withoutGatheringEachDeleteIsItsOwnCallAtOnce() {
        QueuePoller poller = new QueuePoller(sqs, "queue", Optional.of("dlq"), Clock.systemUTC());
        poller.delete(messages(0, 1));
        poller.delete(messages(1, 1));

        assertThat(sqs.deleteCalls).containsExactly(1, 1);
    }
}
