package org.smsoverxmpp.bridge.queue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How consumers of one queue time their receives. Every call to SQS costs the bridge about as much CPU as
 * everything else it does for an SMS, and a long poll returns as soon as one message is there: under light
 * traffic, consumers polling side by side each come back with one message, and each pays a receive, a ping
 * and a delete for it. So while receives come back short, consumers take turns, and a turn starts no sooner
 * than {@code gap} after the last receive returned: messages gather meanwhile, and one receive takes several.
 * A receive that comes back with all it asked for means traffic is heavy: then everyone receives at once,
 * without a gap.
 *
 * <p>The price is latency: under light traffic a message waits up to {@code gap} longer (configured by
 * {@code QUEUE_GATHER_MS}; docs/performance.md gives what it buys). A gap of zero turns this off.
 */
public final class ReceiveRhythm {
    private final long gapNanos;
    private final ReentrantLock turn = new ReentrantLock();
    private volatile boolean heavy;
    /** When the last turn's receive returned; read and written under {@link #turn}. */
    private long lastReturned = System.nanoTime();

    public ReceiveRhythm(Duration gap) {
        this.gapNanos = gap.toNanos();
    }

    public static ReceiveRhythm none() {
        return new ReceiveRhythm(Duration.ZERO);
    }

    /** Waits for this consumer's turn to receive; the receive follows, then {@link Turn#received}. */
    public Turn awaitTurn() throws InterruptedException {
        if (gapNanos == 0 || heavy) {
            return new Turn(false);
        }
        turn.lockInterruptibly();
        long wait = lastReturned + gapNanos - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                turn.unlock();
                throw e;
            }
        }
        return new Turn(true);
    }

    /** One consumer's receive. */
    public final class Turn {
        private final boolean held;
        private boolean done;

        private Turn(boolean held) {
            this.held = held;
        }

        /** Call once, after a receive of up to a full batch returned (or failed, with 0), so the next turn can start. */
        public void received(int count) {
            received(count, QueuePoller.MAX_BATCH);
        }

        /**
         * As {@link #received(int)}, for a receive that asked for only {@code asked} (as many as there was room
         * for): one that brought all it asked for means more may be waiting, so nobody waits for a gap.
         */
        public void received(int count, int asked) {
            if (done) {
                return;
            }
            done = true;
            heavy = gapNanos != 0 && count >= Math.min(asked, QueuePoller.MAX_BATCH);
            if (held) {
                lastReturned = System.nanoTime();
                turn.unlock();
            }
        }
    }
}
