package org.smsoverxmpp.bridge.outbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.bridge.queue.QueuePoller;
import org.smsoverxmpp.bridge.queue.ReceiveRhythm;
import org.smsoverxmpp.bridge.queue.ReceivedMessage;
import org.smsoverxmpp.bridge.queue.VisibilityHeartbeat;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Outbox → SMS. Receives batches of outbox messages and hands them to {@code lanes} sending threads: each
 * conversation's in order, different conversations in parallel. It receives again at once, while earlier
 * batches are still being sent, up to {@link #inHandLimit} messages in hand: a provider that takes 200 ms per
 * message must not hold the next batch back, or a light load of single-message batches would go out one or
 * two at a time. Each batch is kept invisible while it is in hand, and a message is deleted only once it is
 * sent or answered. Several threads may run one consumer; SQS FIFO gives out a conversation's next message
 * only when the one before it is settled, so pipelining never reorders a conversation.
 */
public final class OutboxConsumer implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxConsumer.class);

    private final QueuePoller outbox;
    private final ReceiveRhythm rhythm;
    private final int waitSeconds;
    private final SmsSending sending;
    private final OutboundMessageCodec codec = new OutboundMessageCodec();
    private final ExecutorService lanes;
    /** Room for messages in hand: received, not yet settled. */
    private final Semaphore room;
    private final int inHandLimit;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outbox-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running = true;
    private volatile Duration visibility;

    /** @param lanes sending threads; up to four messages per lane are in hand at once */
    public OutboxConsumer(QueuePoller outbox, ReceiveRhythm rhythm, int waitSeconds, SmsSending sending, int lanes) {
        this.outbox = outbox;
        this.rhythm = rhythm;
        this.waitSeconds = waitSeconds;
        this.sending = sending;
        this.inHandLimit = Math.max(QueuePoller.MAX_BATCH, lanes * 4);
        this.room = new Semaphore(inHandLimit);
        this.lanes = Executors.newFixedThreadPool(lanes, r -> {
            Thread t = new Thread(r, "sms-out");
            t.setDaemon(true);
            return t;
        });
    }

    /** Stop receiving: what is in hand is sent and answered, what is not begun stays in the outbox. */
    public void stop() {
        running = false;
    }

    /** After the consumer threads have ended. */
    @Override
    public void close() {
        lanes.shutdown();
        heartbeats.shutdownNow();
        outbox.close();
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (ready()) {
                    pollOnce();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SdkException e) {
                LOG.warn("outbox receive failed, retrying: {}", e.getMessage());
                pause();
            } catch (RuntimeException e) {
                LOG.error("outbox batch failed; its messages come back after the visibility timeout", e);
                pause();
            }
        }
        // The stop waits for this thread: what is in hand is finished before the stream and the tables close.
        try {
            awaitSettled(Duration.ofDays(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The outbox's visibility timeout, read at start and again until it can be. */
    boolean ready() {
        if (visibility == null) {
            try {
                visibility = outbox.visibilityTimeout();
            } catch (SdkException | NumberFormatException | NullPointerException e) {
                LOG.warn("could not read the outbox's visibility timeout, trying again: {}", e.toString());
                pause();
            }
        }
        return visibility != null;
    }

    /** Receives one batch, as large as there is room for, and hands it to the lanes without waiting for it. */
    void pollOnce() throws InterruptedException {
        int free = takeRoom();
        List<ReceivedMessage> received = List.of();
        ReceiveRhythm.Turn turn = null;
        try {
            turn = rhythm.awaitTurn();
            // Stopped while waiting for room or a turn: nothing new is received.
            if (running) {
                received = outbox.receive(waitSeconds, free);
            }
        } finally {
            if (turn != null) {
                // Room for few means the lanes are busy, not that traffic is light.
                turn.received(received.size(), free);
            }
            room.release(free - received.size());
        }
        if (!received.isEmpty()) {
            new BatchInHand(received).start();
        }
    }

    /** At least one message's room, waiting for it if need be, and as much more as is free, up to a batch. */
    private int takeRoom() throws InterruptedException {
        room.acquire();
        int more = 0;
        while (more < QueuePoller.MAX_BATCH - 1 && room.tryAcquire()) {
            more++;
        }
        return 1 + more;
    }

    /** Waits until every message in hand is settled. @return false if that took longer than {@code limit} */
    boolean awaitSettled(Duration limit) throws InterruptedException {
        if (!room.tryAcquire(inHandLimit, limit.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        room.release(inHandLimit);
        return true;
    }

    /** One received batch: its conversations on the lanes, settled when the last of them is done. */
    private final class BatchInHand {
        private final List<ReceivedMessage> received;
        private final Map<ReceivedMessage, SmsSending.Outcome> outcomes = new ConcurrentHashMap<>();
        private final VisibilityHeartbeat heartbeat;
        private final AtomicInteger conversationsLeft = new AtomicInteger();

        BatchInHand(List<ReceivedMessage> received) {
            this.received = received;
            this.heartbeat = new VisibilityHeartbeat(heartbeats, outbox, received, visibility,
                    VisibilityHeartbeat.interval(visibility));
        }

        void start() {
            Map<String, List<ReceivedMessage>> conversations = new LinkedHashMap<>();
            received.forEach(message -> conversations.computeIfAbsent(message.group(), g -> new ArrayList<>()).add(message));
            conversationsLeft.set(conversations.size());
            for (List<ReceivedMessage> conversation : conversations.values()) {
                try {
                    lanes.execute(() -> {
                        try {
                            sendInOrder(conversation);
                        } catch (RuntimeException e) {
                            LOG.error("sending a conversation failed; what it did not settle comes back", e);
                        } finally {
                            conversationDone();
                        }
                    });
                } catch (RuntimeException e) {
                    // The lanes are shut down: the conversation is handed back untouched.
                    conversationDone();
                }
            }
        }

        private void conversationDone() {
            if (conversationsLeft.decrementAndGet() == 0) {
                heartbeat.stop();
                try {
                    settle();
                } catch (RuntimeException e) {
                    // Not deleted: each comes back after the visibility timeout, and its recorded attempt keeps it
                    // from being sent twice.
                    LOG.warn("could not settle an outbox batch: {}", e.toString());
                } finally {
                    room.release(received.size());
                }
            }
        }

        /** One conversation of the batch, in order; after a message that must wait, the rest waits with it. */
        private void sendInOrder(List<ReceivedMessage> conversation) {
            for (ReceivedMessage message : conversation) {
                if (!running) {
                    return; // stopping: what is not begun stays in the outbox for the next start
                }
                OutboundMessage decoded;
                try {
                    decoded = codec.decode(message.message().body());
                } catch (IllegalArgumentException e) {
                    LOG.error("outbox message {} cannot be read ({}); after the outbox's receives it rests in its "
                            + "dead-letter queue", message.messageId(), e.getMessage());
                    outcomes.put(message, new SmsSending.Outcome.Unreadable(e.getMessage()));
                    continue;
                }
                SmsSending.Outcome outcome = sending.send(decoded, message.receiveCount());
                outcomes.put(message, outcome);
                if (outcome instanceof SmsSending.Outcome.Later later) {
                    LOG.info("outbox message {} waits {} s: {}", message.messageId(), later.delay().toSeconds(), later.reason());
                    return;
                }
            }
        }

        private void settle() {
            List<ReceivedMessage> delete = new ArrayList<>();
            Map<ReceivedMessage, Duration> later = new LinkedHashMap<>();
            for (ReceivedMessage message : received) {
                SmsSending.Outcome outcome = outcomes.get(message);
                if (outcome instanceof SmsSending.Outcome.Done) {
                    delete.add(message);
                } else if (outcome instanceof SmsSending.Outcome.Later wait) {
                    later.put(message, wait.delay());
                } else if (outcome instanceof SmsSending.Outcome.Unreadable) {
                    // Our own format, so a bug or a newer bridge's message: SQS's redrive keeps it for the operator.
                    later.put(message, visibility);
                } else {
                    later.put(message, Duration.ZERO); // not begun: for the next receive, at once
                }
            }
            outbox.delete(delete);
            outbox.later(later);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
