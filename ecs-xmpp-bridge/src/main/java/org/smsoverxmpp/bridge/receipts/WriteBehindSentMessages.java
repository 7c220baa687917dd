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
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records sent SMS in the background, up to {@value DynamoSentMessages#MAX_BATCH} per BatchWriteItem, so a
 * send does not wait for DynamoDB and a busy minute costs a twenty-fifth of the requests. Until a record is
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
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closing;
    private volatile long closeDeadline = Long.MAX_VALUE;

    /** @param writers concurrent BatchWriteItem calls: a table's round trip, not its capacity, limits one */
    public WriteBehindSentMessages(DynamoSentMessages table, int capacity, Duration retryDelay, int writers) {
        this(table, capacity, retryDelay, writers, OFFER_WAIT);
    }

    WriteBehindSentMessages(DynamoSentMessages table, int capacity, Duration retryDelay, int writers, Duration offerWait) {
        this.offerWait = offerWait;
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
            SentMessage first;
            try {
                first = waiting.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // Nobody interrupts the writers; should something, finish what waits rather than lose it.
                first = waiting.poll();
            }
            if (first == null) {
                if (closing) {
                    return;
                }
                continue;
            }
            // Whatever gathered while the last batch was written goes in this one: no added delay.
            batch.add(first);
            waiting.drainTo(batch, DynamoSentMessages.MAX_BATCH - 1);
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
