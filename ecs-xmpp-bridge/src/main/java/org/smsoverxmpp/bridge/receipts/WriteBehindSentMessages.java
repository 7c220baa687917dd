package org.smsoverxmpp.bridge.receipts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records sent SMS in the background, up to {@value DynamoSentMessages#MAX_BATCH} per BatchWriteItem, so a
 * send does not wait for DynamoDB and a busy minute costs a twenty-fifth of the requests. A batch gathers for up
 * to {@code linger} before it is written, one writer gathering at a time: under light traffic records would
 * otherwise go one per call, and a call costs the bridge more CPU than the rest of the SMS. Until a record is
 * written, {@link #find} answers from memory: a status callback can overtake the write. Memory is bounded:
 * when {@code capacity} records wait, senders wait for room, for a few seconds at most. What is not written
 * when the process dies is lost, as when a write fails: the SMS went out, only its receipt or failure
 * notice will be missing.
 */
public final class WriteBehindSentMessages implements SentMessages, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriteBehindSentMessages.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);
    private static final int ATTEMPTS = 5;
    private static final Duration OFFER_WAIT = Duration.ofSeconds(5);
    /** How soon an idle writer notices that the gateway is closing. */
    private static final Duration POLL = Duration.ofMillis(200);

    private final DynamoSentMessages table;
    private final Duration offerWait;
    private final BlockingQueue<SentMessage> waiting;
    private final Map<String, SentMessage> unwritten = new ConcurrentHashMap<>();
    private final Duration retryDelay;
    private final Duration linger;
    /** Held by the writer gathering the next batch, so gathering writers do not split the records between them. */
    private final ReentrantLock gathering = new ReentrantLock();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closing;
    private volatile long closeDeadline = Long.MAX_VALUE;

    /** @param writers concurrent BatchWriteItem calls: a table's round trip, not its capacity, limits one */
    public WriteBehindSentMessages(DynamoSentMessages table, int capacity, Duration retryDelay, int writers, Duration linger) {
        this(table, capacity, retryDelay, writers, linger, OFFER_WAIT);
    }

    WriteBehindSentMessages(DynamoSentMessages table, int capacity, Duration retryDelay, int writers, Duration linger,
            Duration offerWait) {
        this.offerWait = offerWait;
        this.linger = linger;
        this.table = table;
        this.waiting = new ArrayBlockingQueue<>(capacity);
        this.retryDelay = retryDelay;
        for (int i = 0; i < writers; i++) {
            Thread writer = new Thread(this::writeUntilClosed, "sent-writer-" + i);
            writer.setDaemon(true);
            this.writers.add(writer);
        }
        this.writers.forEach(Thread::start);
    }

    /**
     * When the table is slower than the sends, this waits: sends slow to the table's pace and no receipt is
     * lost. Only when a record has waited {@link #OFFER_WAIT} for room (the table failing or hanging) is it
     * given up, which costs that SMS its receipt, not the SMS; sends then go on at a few a second.
     */
    @Override
    public void remember(SentMessage message) {
        unwritten.put(message.messageId(), message);
        boolean queued;
        try {
            queued = waiting.offer(message, offerWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            queued = false;
        }
        if (!queued) {
            unwritten.remove(message.messageId());
            LOG.warn("{} records wait for DynamoDB; SMS {} will have no receipt or failure notice",
                    waiting.size(), message.messageId());
        }
    }

    @Override
    public Optional<SentMessage> find(String messageId) {
        SentMessage pending = unwritten.get(messageId);
        return pending != null ? Optional.of(pending) : table.find(messageId);
    }

    /** Writes what waits, up to the timeout. @return true if nothing was left unwritten */
    public boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!unwritten.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return unwritten.isEmpty();
    }

    /** Writes what waits, within the shutdown's share for it, and stops the writers. */
    @Override
    public void close() {
        close(CLOSE_WAIT);
    }

    /**
     * Writes what waits, for at most {@code budget}, and stops the writers. No interrupts: the AWS SDK turns
     * an interrupt into a failed call and keeps the thread's interrupt flag, so every later call on that
     * writer would fail at once and its records be given up. The writers see the closing flag within
     * {@link #POLL} and finish what waits first.
     */
    public void close(Duration budget) {
        closeDeadline = System.nanoTime() + budget.toNanos();
        closing = true;
        try {
            for (Thread writer : writers) {
                writer.join(Math.max(1, (closeDeadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!unwritten.isEmpty()) {
            LOG.warn("{} sent SMS were not recorded before shutdown; their receipts will be missing", unwritten.size());
        }
    }

    private void writeUntilClosed() {
        List<SentMessage> batch = new ArrayList<>(DynamoSentMessages.MAX_BATCH);
        while (true) {
            gather(batch);
            if (batch.isEmpty()) {
                if (closing) {
                    return;
                }
                continue;
            }
            try {
                write(batch);
            } catch (Throwable t) {
                // The writer must outlive anything: without it every later record would be given up.
                LOG.error("could not record {} sent SMS", batch.size(), t);
                batch.forEach(m -> unwritten.remove(m.messageId()));
            }
            batch.clear();
        }
    }

    /**
     * Waits up to {@link #POLL} for a first record, then up to {@code linger} more for a full batch (not while
     * closing); what gathered while the last batch was written goes in at once.
     */
    private void gather(List<SentMessage> batch) {
        // Not interruptibly: nobody interrupts the writers (see close).
        gathering.lock();
        try {
            SentMessage first = waiting.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
            if (first == null) {
                return;
            }
            batch.add(first);
            long deadline = System.nanoTime() + linger.toNanos();
            while (true) {
                waiting.drainTo(batch, DynamoSentMessages.MAX_BATCH - batch.size());
                long left = deadline - System.nanoTime();
                if (batch.size() >= DynamoSentMessages.MAX_BATCH || closing || left <= 0) {
                    return;
                }
                // In slices of POLL, so a close is noticed.
                SentMessage next = waiting.poll(Math.min(left, POLL.toNanos()), TimeUnit.NANOSECONDS);
                if (next != null) {
                    batch.add(next);
                }
            }
        } catch (InterruptedException e) {
            // Should something interrupt a writer anyway, it finishes what waits rather than lose it.
            waiting.drainTo(batch, DynamoSentMessages.MAX_BATCH - batch.size());
        } finally {
            gathering.unlock();
        }
    }

    /** One batch, with what DynamoDB leaves unprocessed retried; after {@value #ATTEMPTS} attempts it is given up. */
    private void write(List<SentMessage> batch) {
        List<SentMessage> left = List.copyOf(batch);
        for (int attempt = 1; ; attempt++) {
            List<SentMessage> unprocessed;
            String failure = "throttled";
            try {
                unprocessed = table.rememberAll(left);
            } catch (RuntimeException e) {
                unprocessed = left;
                failure = e.toString();
            }
            Set<String> notWritten = unprocessed.stream().map(SentMessage::messageId).collect(Collectors.toSet());
            left.stream().filter(m -> !notWritten.contains(m.messageId())).forEach(m -> unwritten.remove(m.messageId()));
            if (unprocessed.isEmpty()) {
                return;
            }
            if (attempt >= ATTEMPTS) {
                LOG.warn("could not record {} sent SMS for their status callbacks ({}); their receipts will be missing",
                        unprocessed.size(), failure);
                notWritten.forEach(unwritten::remove);
                return;
            }
            left = unprocessed;
            pause(retryDelay.multipliedBy(attempt));
        }
    }

    /** Waits before a retry, but never past the shutdown's deadline. */
    private void pause(Duration delay) {
        long wait = delay.toNanos();
        if (closing) {
            wait = Math.min(wait, closeDeadline - System.nanoTime());
        }
        if (wait <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
            // Not kept: a writer with its interrupt flag set would fail every later SDK call (see close).
        }
    }
}
