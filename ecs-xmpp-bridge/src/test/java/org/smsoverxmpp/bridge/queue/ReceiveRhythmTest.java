package org.smsoverxmpp.bridge.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Light traffic: one consumer at a time, a gap between receives. Heavy traffic: everyone at once. */
class ReceiveRhythmTest {
    private static final Duration GAP = Duration.ofMillis(150);

    @Test
    void afterAShortReceiveTheNextTurnWaitsForTheGap() throws Exception {
        ReceiveRhythm rhythm = new ReceiveRhythm(GAP);
        rhythm.awaitTurn().received(1);

        long start = System.nanoTime();
        rhythm.awaitTurn().received(1);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(GAP.minusMillis(5));
    }

    @Test
    void whileOneConsumerHoldsTheTurnAnotherWaitsForIt() throws Exception {
        ReceiveRhythm rhythm = new ReceiveRhythm(Duration.ofMillis(1));
        Thread.sleep(5);
        ReceiveRhythm.Turn first = rhythm.awaitTurn();
        AtomicLong secondStarted = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            try {
                ReceiveRhythm.Turn second = rhythm.awaitTurn();
                secondStarted.set(System.nanoTime());
                second.received(0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.countDown();
        });
        other.start();
        Thread.sleep(100);
        long released = System.nanoTime();
        first.received(2);

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(secondStarted.get()).isGreaterThan(released);
    }

    @Test
    void afterAFullReceiveNobodyWaits() throws Exception {
        ReceiveRhythm rhythm = new ReceiveRhythm(Duration.ofSeconds(10));
        ReceiveRhythm.Turn first = rhythm.awaitTurn();
        first.received(QueuePoller.MAX_BATCH);

        long start = System.nanoTime();
        ReceiveRhythm.Turn a = rhythm.awaitTurn();
        ReceiveRhythm.Turn b = rhythm.awaitTurn(); // side by side: the first is not yet back
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        a.received(QueuePoller.MAX_BATCH);
        b.received(QueuePoller.MAX_BATCH);
    }

    @Test
    void aGapOfZeroNeverWaitsOrTakesTurns() throws Exception {
        ReceiveRhythm rhythm = ReceiveRhythm.none();
        ReceiveRhythm.Turn a = rhythm.awaitTurn();
        ReceiveRhythm.Turn b = rhythm.awaitTurn();
        a.received(0);
        b.received(0);
        a.received(0); // a second call changes nothing
    }

    @Test
    void aReceiveThatBroughtAllItHadRoomForCountsAsHeavyTraffic() throws Exception {
        ReceiveRhythm rhythm = new ReceiveRhythm(GAP.multipliedBy(20));
        rhythm.awaitTurn().received(2, 2); // the first turn waits the gap, as after any receive

        // Side by side at once; a wait for the gap would show as the timeout.
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(GAP.multipliedBy(10), () -> {
            ReceiveRhythm.Turn a = rhythm.awaitTurn();
            ReceiveRhythm.Turn b = rhythm.awaitTurn();
            a.received(0);
            b.received(0);
        });
    }
}
