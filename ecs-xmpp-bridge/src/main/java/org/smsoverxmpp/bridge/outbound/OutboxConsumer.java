package org.smsoverxmpp.bridge.outbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.bridge.queue.QueuePoller;
import org.smsoverxmpp.bridge.queue.ReceivedMessage;
import org.smsoverxmpp.bridge.queue.VisibilityHeartbeat;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Outbox → SMS. Receives batches of outbox messages, sends each conversation's in order and different
 * conversations in parallel (at most {@code lanes} at once), keeps the batch invisible while the provider
 * takes its time, and deletes a message only once it is sent or answered. Several threads may run one
 * consumer; SQS FIFO keeps each conversation with one of them at a time.
 */
public final class OutboxConsumer implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxConsumer.class);

    private final QueuePoller outbox;
    private final int waitSeconds;
    private final SmsSending sending;
    private final OutboundMessageCodec codec = new OutboundMessageCodec();
    private final ExecutorService lanes;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outbox-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running = true;
    private volatile Duration visibility;

    public OutboxConsumer(QueuePoller outbox, int waitSeconds, SmsSending sending, int lanes) {
        this.outbox = outbox;
        this.waitSeconds = waitSeconds;
        this.sending = sending;
        this.lanes = Executors.newFixedThreadPool(lanes, r -> {
            Thread t = new Thread(r, "sms-out");
            t.setDaemon(true);
            return t;
        });
    }

    /** Stop receiving: the batch in hand is sent and answered, what it did not reach stays in the outbox. */
    public void stop() {
        running = false;
    }

    /** After the consumer threads have ended. */
    @Override
    public void close() {
        lanes.shutdown();
        heartbeats.shutdownNow();
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

    void pollOnce() throws InterruptedException {
        List<ReceivedMessage> received = outbox.receive(waitSeconds);
        if (received.isEmpty()) {
            return;
        }
        VisibilityHeartbeat heartbeat = new VisibilityHeartbeat(heartbeats, outbox, received, visibility,
                VisibilityHeartbeat.interval(visibility));
        Map<ReceivedMessage, SmsSending.Outcome> outcomes = new ConcurrentHashMap<>();
        try {
            Map<String, List<ReceivedMessage>> conversations = new LinkedHashMap<>();
            received.forEach(message -> conversations.computeIfAbsent(message.group(), g -> new ArrayList<>()).add(message));
            List<Future<?>> work = new ArrayList<>();
            for (List<ReceivedMessage> conversation : conversations.values()) {
                work.add(lanes.submit(() -> sendInOrder(conversation, outcomes)));
            }
            for (Future<?> done : work) {
                try {
                    done.get();
                } catch (ExecutionException e) {
                    LOG.error("sending a conversation failed", e.getCause());
                }
            }
        } finally {
            heartbeat.stop();
        }
        settle(received, outcomes);
    }

    /** One conversation of the batch, in order; after a message that must wait, the rest waits with it. */
    private void sendInOrder(List<ReceivedMessage> conversation, Map<ReceivedMessage, SmsSending.Outcome> outcomes) {
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

    private void settle(List<ReceivedMessage> received, Map<ReceivedMessage, SmsSending.Outcome> outcomes) {
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

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
