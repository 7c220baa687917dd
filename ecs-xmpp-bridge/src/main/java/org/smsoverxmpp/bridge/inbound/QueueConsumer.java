package org.smsoverxmpp.bridge.inbound;

import org.smsoverxmpp.bridge.queue.ReceivedMessage;
import org.smsoverxmpp.bridge.queue.VisibilityHeartbeat;
import org.smsoverxmpp.bridge.queue.QueuePoller;
import org.smsoverxmpp.bridge.queue.ReceiveRhythm;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jivesoftware.smack.packet.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.bridge.metrics.GatewayMetrics;
import org.smsoverxmpp.bridge.xmpp.ComponentLink;
import org.smsoverxmpp.bridge.xmpp.StreamWrite;
import org.smsoverxmpp.events.DeliveryStatus;
import org.smsoverxmpp.events.EventCodec;
import org.smsoverxmpp.events.InboundSms;
import org.smsoverxmpp.events.MalformedEventException;
import org.smsoverxmpp.events.QueueEvent;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Queue → XMPP, at least once. Long-polls only while the stream is up; writes a batch over one stream, keeps
 * it invisible while it is worked on, then pings the server and settles each message by its outcome only when
 * the answer arrives: XEP-0114 has no acknowledgements, but the server processes a stream in order.
 * Delivered messages are deleted, transient failures come back after a delay that grows, permanent ones go to
 * the dead-letter queue at once with the reason, and what was not attempted is handed back at once.
 *
 * <p>Several threads may run one consumer: each polls its own batches, and SQS FIFO never hands out a message
 * while an earlier one of its conversation is in flight, so conversations stay in order.
 */
public class QueueConsumer implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueConsumer.class);

    private final QueuePoller poller;
    private final ReceiveRhythm rhythm;
    private final int waitSeconds;
    private final ComponentLink xmpp;
    private final EventDelivery<InboundSms> sms;
    private final EventDelivery<DeliveryStatus> statuses;
    private final DeliveredRecipients earlier;
    private final Duration pingTimeout;
    private final Duration giveUpAfter;
    private final Clock clock;
    private final GatewayMetrics metrics;
    private volatile RetryPolicy retries;
    private final EventCodec codec = new EventCodec();
    private final Dedupe dedupe = new Dedupe();
    private final Set<InboundBatch> inFlight = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sqs-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running = true;
    private volatile DeliveryBudget budget;

    public QueueConsumer(QueuePoller poller, ReceiveRhythm rhythm, int waitSeconds, ComponentLink xmpp, EventDelivery<InboundSms> sms,
            EventDelivery<DeliveryStatus> statuses, DeliveredRecipients earlier, Duration pingTimeout, Duration giveUpAfter,
            Clock clock, GatewayMetrics metrics) {
        this.poller = poller;
        this.rhythm = rhythm;
        this.waitSeconds = waitSeconds;
        this.xmpp = xmpp;
        this.sms = sms;
        this.statuses = statuses;
        this.earlier = earlier;
        this.pingTimeout = pingTimeout;
        this.giveUpAfter = giveUpAfter;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Stop pulling: the batch in hand is finished and acknowledged, what it did not reach handed back. */
    public void stop() {
        running = false;
    }

    /** After the consumer threads have ended. */
    public void close() {
        heartbeats.shutdownNow();
        poller.close();
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (ready() && xmpp.awaitConnected(Duration.ofSeconds(1))) {
                    pollOnce();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SdkException e) {
                LOG.warn("SQS receive failed, retrying: {}", e.getMessage());
                pause();
            } catch (RuntimeException e) {
                // Never let the loop die: inbound would stop while the heartbeat still looked healthy.
                LOG.error("inbound batch failed; its messages come back after the visibility timeout", e);
                pause();
            }
        }
    }

    /**
     * The server returned a stanza as an error. If it is one of a batch in hand, its recipient is not counted
     * as delivered; the event is tried again for that recipient (an SMS) or let go (a receipt).
     */
    public void onBounce(Message error) {
        String from = error.getFrom() == null ? "" : error.getFrom().asBareJid().toString();
        boolean ours = false;
        for (InboundBatch batch : inFlight) {
            ours |= batch.bounce(error.getStanzaId(), from);
        }
        LOG.warn("the XMPP server bounced {}{}: {}", error.getStanzaId(), ours ? " (it will be tried again)" : "",
                error.getError() == null ? "no error given" : error.getError().getCondition());
    }

    /** Whether the time budget is known: read from the queue at start, and again until it can be; none is guessed. */
    boolean ready() {
        if (budget == null) {
            try {
                DeliveryBudget read = new DeliveryBudget(poller.visibilityTimeout(), pingTimeout, giveUpAfter);
                retries = new RetryPolicy(clock, read.giveUpAfter());
                budget = read;
                LOG.info("queue visibility timeout {} s: a batch in hand is kept invisible every {} ms",
                        budget.visibility().toSeconds(), budget.heartbeat().toMillis());
            } catch (SdkException | NumberFormatException | NullPointerException e) {
                LOG.warn("could not read the queue's visibility timeout, trying again: {}", e.toString());
                pause();
            }
        }
        return budget != null;
    }

    /** One written event waiting for the ping's answer. */
    private record Pending(ReceivedMessage event, String deduplicationId, boolean retryBounces, Set<String> earlier) {
    }

    void pollOnce() throws InterruptedException {
        ReceiveRhythm.Turn turn = rhythm.awaitTurn();
        List<ReceivedMessage> received = List.of();
        try {
            if (running) {
                received = poller.receive(waitSeconds);
            }
        } finally {
            turn.received(received.size());
        }
        if (received.isEmpty()) {
            return;
        }
        DeliveryBudget limits = budget;
        VisibilityHeartbeat heartbeat = new VisibilityHeartbeat(heartbeats, poller, received, limits.visibility(),
                limits.heartbeat());
        InboundBatch batch = new InboundBatch(xmpp);
        inFlight.add(batch);
        List<String> claims = new ArrayList<>();
        Map<ReceivedMessage, Delivery> outcomes = new LinkedHashMap<>();
        List<ReceivedMessage> untouched = new ArrayList<>();
        try {
            List<Pending> pending = new ArrayList<>();
            // After a failure in a conversation, its later messages wait too, so it stays in order.
            Set<String> held = new HashSet<>();
            boolean streamGone = !batch.hasStream();
            for (ReceivedMessage event : received) {
                if (!running || streamGone || held.contains(event.group())) {
                    untouched.add(event);
                    continue;
                }
                Attempt attempt = attempt(event, batch, claims, limits);
                if (attempt.pending() != null) {
                    pending.add(attempt.pending());
                    continue;
                }
                outcomes.put(event, attempt.outcome());
                if (attempt.outcome() instanceof Delivery.RetryAfter) {
                    held.add(event.group());
                }
                streamGone |= attempt.streamGone();
            }
            if (!pending.isEmpty()) {
                outcomes.putAll(acknowledge(batch, pending, limits));
            }
            heartbeat.stop();
            settle(outcomes, untouched);
        } finally {
            heartbeat.stop();
            inFlight.remove(batch);
            claims.forEach(dedupe::release);
        }
    }

    /** Either the event's outcome now, or the written event waiting for the ping. */
    private record Attempt(Delivery outcome, Pending pending, boolean streamGone) {
        static Attempt now(Delivery outcome) {
            return new Attempt(outcome, null, false);
        }
    }

    private Attempt attempt(ReceivedMessage event, InboundBatch batch, List<String> claims, DeliveryBudget limits) {
        QueueEvent decoded;
        try {
            decoded = codec.decode(event.message().body());
        } catch (MalformedEventException e) {
            return Attempt.now(new Delivery.Rejected("the event cannot be read: " + e.getMessage()));
        }
        String id = decoded.deduplicationId();
        if (dedupe.alreadyDelivered(id)) {
            LOG.info("dropped a repeat of {}, already delivered", id);
            return Attempt.now(Delivery.DELIVERED);
        }
        if (!dedupe.claim(id)) {
            return Attempt.now(new Delivery.RetryAfter(limits.whileClaimedElsewhere(), "another consumer is delivering it"));
        }
        claims.add(id);
        DeliveryPlan plan;
        Set<String> before;
        try {
            plan = decoded instanceof InboundSms text ? sms.plan(text) : statuses.plan((DeliveryStatus) decoded);
            before = event.maybeSeenBefore() ? earlier.of(id) : Set.of();
        } catch (RuntimeException e) {
            return Attempt.now(retries.decide(event, limits.afterStreamFailure(), "delivery failed: " + e));
        }
        if (plan instanceof DeliveryPlan.Nothing) {
            return Attempt.now(Delivery.DELIVERED);
        }
        if (plan instanceof DeliveryPlan.Reject reject) {
            return Attempt.now(new Delivery.Rejected(reject.reason()));
        }
        if (plan instanceof DeliveryPlan.Retry retry) {
            return Attempt.now(retries.decide(event, retry.after(), retry.reason()));
        }
        DeliveryPlan.Write write = (DeliveryPlan.Write) plan;
        List<RecipientStanzas> remaining = write.recipients().stream().filter(r -> !before.contains(r.recipient())).toList();
        if (remaining.isEmpty()) {
            return Attempt.now(Delivery.DELIVERED);
        }
        StreamWrite written = batch.write(event, remaining);
        if (written instanceof StreamWrite.Refused refused) {
            return Attempt.now(new Delivery.Rejected("the gateway could not write it safely: " + refused.reason()));
        }
        if (written instanceof StreamWrite.NotConnected) {
            // What went out before the stream dropped may have arrived, unconfirmed: it is sent again soon.
            return new Attempt(new Delivery.RetryAfter(limits.afterStreamFailure(), "the XMPP stream dropped"), null, true);
        }
        return new Attempt(null, new Pending(event, id, write.retryBounces(), before), false);
    }

    private Map<ReceivedMessage, Delivery> acknowledge(InboundBatch batch, List<Pending> pending, DeliveryBudget limits)
            throws InterruptedException {
        Map<ReceivedMessage, Delivery> outcomes = new LinkedHashMap<>();
        try {
            xmpp.pingServer(batch.stream()).get();
        } catch (ExecutionException e) {
            LOG.warn("server did not confirm the batch ({}); it is handed back", e.getCause().getMessage());
            pending.forEach(p -> outcomes.put(p.event(), new Delivery.RetryAfter(limits.afterStreamFailure(),
                    "the server did not confirm it")));
            return outcomes;
        }
        for (Pending p : pending) {
            Set<String> bounced = batch.bounced(p.event());
            if (bounced.isEmpty() || !p.retryBounces()) {
                dedupe.delivered(p.deduplicationId());
                outcomes.put(p.event(), Delivery.DELIVERED);
                continue;
            }
            Set<String> confirmed = batch.confirmed(p.event());
            try {
                earlier.add(p.deduplicationId(), confirmed);
            } catch (RuntimeException e) {
                // Without the record the recipients who took it would get it again: a repeat, never a loss.
                LOG.warn("could not record which recipients took {}: {}", p.deduplicationId(), e.toString());
            }
            outcomes.put(p.event(), retries.decide(p.event(), SmsDelivery.TRANSIENT,
                    "the XMPP server bounced it for " + bounced.size() + " of its recipients"));
        }
        return outcomes;
    }

    private void settle(Map<ReceivedMessage, Delivery> outcomes, List<ReceivedMessage> untouched) {
        List<ReceivedMessage> delete = new ArrayList<>();
        Map<ReceivedMessage, Duration> later = new LinkedHashMap<>();
        for (Map.Entry<ReceivedMessage, Delivery> outcome : outcomes.entrySet()) {
            ReceivedMessage event = outcome.getKey();
            Delivery delivery = outcome.getValue();
            if (delivery instanceof Delivery.Delivered) {
                delete.add(event);
                metrics.inboundDelivered();
            } else if (delivery instanceof Delivery.RetryAfter retry) {
                metrics.inboundRetried();
                LOG.info("queue message {} is tried again in {} s: {}", event.messageId(), retry.delay().toSeconds(), retry.reason());
                later.put(event, retry.delay());
            } else {
                String reason = ((Delivery.Rejected) delivery).reason();
                LOG.warn("queue message {} goes to the dead-letter queue: {}", event.messageId(), reason);
                metrics.inboundRejected();
                if (!poller.reject(event, reason)) {
                    later.put(event, SmsDelivery.TRANSIENT);
                }
            }
        }
        untouched.forEach(event -> later.put(event, Duration.ZERO));
        poller.delete(delete);
        poller.later(later);
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
