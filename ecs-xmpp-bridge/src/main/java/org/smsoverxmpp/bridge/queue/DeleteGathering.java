package org.smsoverxmpp.bridge.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The deletes of one queue, gathered across all its consumers into calls of up to {@value QueuePoller#MAX_BATCH}.
 * Under light traffic every batch a consumer settles holds one message, and its own delete would cost the bridge
 * a whole SQS call for it; here a delete waits up to {@code linger} for others, or goes at once when ten are
 * waiting. The consumer does not wait for it.
 *
 * <p>Why this keeps every guarantee: a delivered message is already delivered, and until its delete lands SQS
 * keeps it in flight (far shorter than its visibility timeout) and holds back the rest of its conversation, so
 * order stays. If the bridge dies before the delete, the message comes back once, exactly as when a delete
 * fails today; the window for that grows by {@code linger}. A graceful stop deletes everything gathered
 * ({@link #close}).
 */
final class DeleteGathering {
    private final QueuePoller poller;
    private final Duration linger;
    private final ExecutorService sender;
    /** Guarded by {@code this}. */
    private final List<ReceivedMessage> waiting = new ArrayList<>();
    /** Guarded by {@code this}: a send is due and will take what is waiting then. */
    private boolean due;
    private boolean closed;

    /**
     * @param senders calls that may be in flight at once: one thread gathers while the others send, so under
     *                heavy traffic deletes keep pace with as many consumers as deleted side by side before
     */
    DeleteGathering(QueuePoller poller, Duration linger, int senders, String threadName) {
        this.poller = poller;
        this.linger = linger;
        this.sender = Executors.newFixedThreadPool(Math.max(2, senders), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    void add(List<ReceivedMessage> delivered) {
        synchronized (this) {
            if (!closed) {
                waiting.addAll(delivered);
                if (!due) {
                    due = true;
                    sender.execute(this::sendWhenDue);
                }
                notifyAll();
                return;
            }
        }
        poller.deleteNow(delivered);
    }

    /**
     * On a sender thread: waits until ten are waiting or the first has lingered enough, hands the gathering of
     * the next batch to another sender if more wait, then deletes its own.
     */
    private void sendWhenDue() {
        long deadline = System.nanoTime() + linger.toNanos();
        List<ReceivedMessage> batch;
        synchronized (this) {
            long left;
            while (!closed && waiting.size() < QueuePoller.MAX_BATCH && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            batch = take();
            if (!waiting.isEmpty()) {
                sender.execute(this::sendWhenDue);
            } else {
                due = false;
            }
        }
        poller.deleteNow(batch);
    }

    /** Guarded by {@code this}: at most one call's worth, oldest first. */
    private List<ReceivedMessage> take() {
        List<ReceivedMessage> first = waiting.subList(0, Math.min(QueuePoller.MAX_BATCH, waiting.size()));
        List<ReceivedMessage> batch = new ArrayList<>(first);
        first.clear();
        return batch;
    }

    /** Deletes everything gathered now, on the caller's thread, and every later delete at once. */
    void close() {
        List<ReceivedMessage> rest;
        synchronized (this) {
            closed = true;
            rest = new ArrayList<>(waiting);
            waiting.clear();
            notifyAll();
        }
        for (int from = 0; from < rest.size(); from += QueuePoller.MAX_BATCH) {
            poller.deleteNow(rest.subList(from, Math.min(rest.size(), from + QueuePoller.MAX_BATCH)));
        }
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
