package org.smsoverxmpp.bridge.outbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The outbox on SQS FIFO: a message read from the stream is stored here before anything is sent, so a crash,
 * an out-of-memory kill or a Spot interruption loses none of the backlog. The reader thread never waits for
 * SQS: messages gather in a bounded buffer and writers store them up to 10 per call. A full buffer refuses
 * (the sender hears "busy") rather than growing; a message SQS will not take within {@link #STORE_FOR} is
 * answered with an error copy, never dropped.
 *
 * <p>What is not protected: the few messages in this buffer, for the milliseconds before their call returns,
 * when the process is killed (docs/reliability.md gives the measured window).
 */
public final class SqsOutbox implements Outbox, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqsOutbox.class);
    /** How long a message may take to be stored before the sender is told it was not sent. */
    static final Duration STORE_FOR = Duration.ofSeconds(10);
    private static final int MAX_BATCH = 10;
    private static final Duration POLL = Duration.ofMillis(200);

    private final SqsClient sqs;
    private final String queueUrl;
    private final Replies replies;
    private final OutboundMessageCodec codec = new OutboundMessageCodec();
    private final BlockingQueue<OutboundMessage> buffer;
    private final Duration storeFor;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean accepting = true;
    private volatile boolean closing;

    public SqsOutbox(SqsClient sqs, String queueUrl, Replies replies, int capacity, int writers) {
        this(sqs, queueUrl, replies, capacity, writers, STORE_FOR);
    }

    SqsOutbox(SqsClient sqs, String queueUrl, Replies replies, int capacity, int writers, Duration storeFor) {
        this.storeFor = storeFor;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.replies = replies;
        this.buffer = new ArrayBlockingQueue<>(capacity);
        for (int i = 0; i < writers; i++) {
            Thread writer = new Thread(this::writeUntilClosed, "outbox-writer-" + i);
            writer.setDaemon(true);
            this.writers.add(writer);
        }
        this.writers.forEach(Thread::start);
    }

    @Override
    public Acceptance accept(OutboundMessage message) {
        if (!accepting) {
            return new Acceptance.Closed();
        }
        return buffer.offer(message) ? new Acceptance.Accepted() : new Acceptance.Busy();
    }

    /** From now on messages are refused (the sender hears "restarting"), while the stream is still up to say so. */
    public void stopAccepting() {
        accepting = false;
    }

    /** Stores what the buffer holds, within {@code budget}; what is left is answered with an error copy. */
    public void close(Duration budget) {
        accepting = false;
        closing = true;
        long deadline = System.nanoTime() + budget.toNanos();
        try {
            for (Thread writer : writers) {
                writer.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<OutboundMessage> left = new ArrayList<>();
        buffer.drainTo(left);
        left.forEach(message -> replies.send(message.errorCopy(ErrorReply.restarting())));
        if (!left.isEmpty()) {
            LOG.warn("{} outbound messages could not be stored before shutdown; their senders were told to send again",
                    left.size());
        }
    }

    @Override
    public void close() {
        close(STORE_FOR);
    }

    private void writeUntilClosed() {
        List<OutboundMessage> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            OutboundMessage first;
            try {
                first = buffer.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = buffer.poll();
            }
            if (first == null) {
                if (closing) {
                    return;
                }
                continue;
            }
            batch.add(first);
            buffer.drainTo(batch, MAX_BATCH - 1);
            try {
                store(batch);
            } catch (RuntimeException e) {
                LOG.error("could not store {} outbound messages", batch.size(), e);
                batch.forEach(message -> replies.send(message.errorCopy(ErrorReply.temporaryFailure("store it"))));
            }
            batch.clear();
        }
    }

    /** One SendMessageBatch, with what SQS refuses tried again until the store time has passed. */
    private void store(List<OutboundMessage> batch) {
        long deadline = System.nanoTime() + storeFor.toNanos();
        Map<String, OutboundMessage> left = new HashMap<>();
        batch.forEach(message -> left.put(message.id(), message));
        for (long delay = 100; ; delay = Math.min(delay * 2, 2_000)) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            int i = 0;
            Map<String, String> entryIds = new HashMap<>();
            for (OutboundMessage message : left.values()) {
                String entryId = Integer.toString(i++);
                entryIds.put(entryId, message.id());
                entries.add(SendMessageBatchRequestEntry.builder().id(entryId).messageBody(codec.encode(message))
                        .messageGroupId(message.conversation()).messageDeduplicationId(message.id()).build());
            }
            String failure;
            try {
                SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
                response.successful().forEach(ok -> left.remove(entryIds.get(ok.id())));
                failure = response.failed().isEmpty() ? "" : response.failed().get(0).message();
            } catch (SdkException e) {
                failure = e.getMessage();
            }
            if (left.isEmpty()) {
                return;
            }
            if (System.nanoTime() + delay * 1_000_000 > deadline) {
                LOG.warn("the outbox did not take {} messages within {} s ({}); their senders are told",
                        left.size(), storeFor.toSeconds(), failure);
                left.values().forEach(message -> replies.send(message.errorCopy(ErrorReply.temporaryFailure("accept it"))));
                return;
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                // Not kept: the writer must finish what it holds (see WriteBehindSentMessages).
            }
        }
    }
}
