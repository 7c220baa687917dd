package org.smsoverxmpp.bridge.inbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.jivesoftware.smack.packet.Stanza;
import org.jxmpp.jid.EntityBareJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.mapping.Mappings;
import org.smsoverxmpp.bridge.media.MediaStore;
import org.smsoverxmpp.bridge.media.PublishedMedia;
import org.smsoverxmpp.bridge.receipts.DeliveryReports;
import org.smsoverxmpp.bridge.xmpp.ComponentConnection;
import org.smsoverxmpp.events.DeliveryStatus;
import org.smsoverxmpp.events.EventCodec;
import org.smsoverxmpp.events.InboundSms;
import org.smsoverxmpp.events.MalformedEventException;
import org.smsoverxmpp.events.QueueEvent;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Queue → XMPP, at least once. Long-polls only while the stream is up; writes a batch; then pings the server
 * and deletes the batch only when the answer arrives: XEP-0114 has no acknowledgements, but the server
 * processes a stream in order. Whatever is not confirmed is redelivered after the visibility timeout, and
 * after the queue's maximum receives it lands in the dead-letter queue.
 *
 * <p>Several threads may run one consumer: each polls its own batches, and SQS FIFO never hands out a
 * message while an earlier one of its conversation is in flight, so conversations stay in order.
 */
public class QueueConsumer implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueConsumer.class);
    private static final int MAX_BATCH = 10;
    /** The acknowledging ping's timeout and a margin. */
    private static final Duration ACK_ROOM = Duration.ofSeconds(12);

    private final SqsClient sqs;
    private final String queueUrl;
    private final int waitSeconds;
    private final Mappings mappings;
    private final SmsToStanzas toStanzas;
    private final DeliveryReports reports;
    private final MediaStore mediaStore;
    private final ComponentConnection xmpp;
    private final EventCodec codec = new EventCodec();
    private final RecentlyDelivered recentlyDelivered = new RecentlyDelivered();
    private volatile boolean running = true;
    private final Set<InboundBatch> inFlight = ConcurrentHashMap.newKeySet();
    /** Deduplication ids some consumer is writing right now: a second copy must not be written beside it. */
    private final Set<String> beingWritten = ConcurrentHashMap.newKeySet();
    private volatile Duration sendWindow;

    public QueueConsumer(SqsClient sqs, String queueUrl, int waitSeconds, Mappings mappings, SmsToStanzas toStanzas,
            DeliveryReports reports, MediaStore mediaStore, ComponentConnection xmpp) {
        this.reports = reports;
        this.mediaStore = mediaStore;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.waitSeconds = waitSeconds;
        this.mappings = mappings;
        this.toStanzas = toStanzas;
        this.xmpp = xmpp;
    }

    /** Finish the batch in hand, then return from {@link #run()}. */
    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (xmpp.state().awaitConnected(Duration.ofSeconds(1))) {
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
                LOG.error("inbound batch failed; its messages will be redelivered", e);
                pause();
            }
        }
    }

    /**
     * The server returned a stanza as an error. If it is one of the batch in hand, its queue message is not
     * deleted: it comes back, and after the maximum receives it rests in the dead-letter queue.
     */
    public void onBounce(org.jivesoftware.smack.packet.Message error) {
        boolean ours = false;
        for (InboundBatch batch : inFlight) {
            ours |= batch.bounce(error.getStanzaId());
        }
        LOG.warn("the XMPP server bounced {} to {}{}: {}", error.getStanzaId(), error.getFrom(),
                ours ? " (its SMS will be redelivered)" : "", error.getError());
    }

    void pollOnce() throws InterruptedException {
        List<Message> received = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                .maxNumberOfMessages(MAX_BATCH)
                .waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID,
                        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
        long receivedAt = System.nanoTime();
        Duration window = sendWindow();
        InboundBatch batch = new InboundBatch(xmpp);
        inFlight.add(batch);
        List<String> claimed = new ArrayList<>();
        try {
            // After a failure in a conversation, later messages of it wait too, so it stays in order.
            Set<String> held = new HashSet<>();
            for (Message message : received) {
                if (System.nanoTime() - receivedAt > window.toNanos()) {
                    // Past this, SQS may already have handed the rest to another consumer: sending them too
                    // would interleave two copies of a conversation. They come back, in order, instead.
                    LOG.warn("batch still unsent after {} s (slow media?); its remaining messages will be redelivered",
                            window.toSeconds());
                    break;
                }
                String group = message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
                if (group != null && held.contains(group)) {
                    continue;
                }
                if (!deliver(message, batch, claimed) && group != null) {
                    held.add(group);
                }
            }
            if (!batch.isEmpty()) {
                acknowledge(batch);
            }
        } finally {
            inFlight.remove(batch);
            claimed.forEach(beingWritten::remove);
        }
    }

    /** @return true if the message went to the server (or needed nothing) */
    private boolean deliver(Message message, InboundBatch batch, List<String> claimed) {
        QueueEvent event;
        try {
            event = codec.decode(message.body());
        } catch (MalformedEventException e) {
            LOG.error("undeliverable queue message {} (receive {}): {}; it goes to the dead-letter queue",
                    message.messageId(), receiveCount(message), e.getMessage());
            return false;
        }
        InboundBatch.Written written = new InboundBatch.Written(message, event.deduplicationId());
        try {
            if (recentlyDelivered.contains(event.deduplicationId())) {
                LOG.info("dropped a repeat of {}, already delivered", event.deduplicationId());
                batch.skip(written);
                return true;
            }
            if (!beingWritten.add(event.deduplicationId())) {
                // A queue may hand one message to two consumers (an emulator's race, a lapsed visibility
                // timeout). This copy waits; when it comes back the other is confirmed and it is dropped.
                LOG.info("{} is being delivered by another consumer; this copy will come back", event.deduplicationId());
                return false;
            }
            claimed.add(event.deduplicationId());
            Optional<List<Stanza>> stanzas = event instanceof DeliveryStatus status
                    ? reportFor(status) : smsFor((InboundSms) event, receiveCount(message));
            return stanzas.isPresent() && batch.send(written, stanzas.get()).isQueued();
        } catch (RuntimeException e) {
            // One bad message must not stop the others: it goes to the dead-letter queue in time.
            LOG.error("could not deliver {} (receive {}); it will be redelivered", event.messageSid(),
                    receiveCount(message), e);
            return false;
        }
    }

    private Optional<List<Stanza>> reportFor(DeliveryStatus status) {
        LOG.info("status {} for {}{}", status.status(), status.messageSid(),
                status.errorCode() == null ? "" : " (error " + status.errorCode() + ")");
        try {
            return Optional.of(reports.stanzasFor(status));
        } catch (RuntimeException e) {
            LOG.warn("could not look up {} for its status; it will be redelivered: {}", status.messageSid(), e.toString());
            return Optional.empty();
        }
    }

    private Optional<List<Stanza>> smsFor(InboundSms sms, String receiveCount) {
        if (!PhoneNumber.isE164(sms.to())) {
            LOG.error("SMS {} was sent to '{}', which is not an E.164 number", sms.messageSid(), sms.to());
            return Optional.empty();
        }
        List<EntityBareJid> users;
        try {
            users = mappings.usersOf(new PhoneNumber(sms.to()));
        } catch (RuntimeException e) {
            LOG.warn("mapping lookup for {} failed; SMS {} will be redelivered: {}", sms.to(), sms.messageSid(), e.toString());
            return Optional.empty();
        }
        if (users.isEmpty()) {
            LOG.warn("no user is mapped to {}; SMS {} stays queued (receive {}) and then goes to the dead-letter queue",
                    sms.to(), sms.messageSid(), receiveCount);
            return Optional.empty();
        }
        List<PublishedMedia> media;
        try {
            media = mediaStore.publish(sms.messageSid(), sms.media());
        } catch (RuntimeException e) {
            LOG.warn("could not re-host the media of {}; it will be redelivered: {}", sms.messageSid(), e.toString());
            return Optional.empty();
        }
        List<Stanza> stanzas;
        try {
            stanzas = List.copyOf(toStanzas.convert(sms, media, users));
        } catch (IllegalArgumentException e) {
            LOG.error("SMS {} cannot be delivered: {}", sms.messageSid(), e.getMessage());
            return Optional.empty();
        }
        LOG.info("delivering SMS {} from {} to {} user(s)", sms.messageSid(), sms.from(), users.size());
        return Optional.of(stanzas);
    }

    private void acknowledge(InboundBatch batch) throws InterruptedException {
        try {
            xmpp.pingServer(batch.stream()).get();
        } catch (ExecutionException e) {
            LOG.warn("server did not confirm the batch ({}); it will be redelivered", e.getCause().getMessage());
            return;
        }
        List<InboundBatch.Written> confirmed = batch.confirmed();
        if (confirmed.isEmpty()) {
            return;
        }
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < confirmed.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .receiptHandle(confirmed.get(i).message().receiptHandle()).build());
        }
        confirmed.forEach(w -> recentlyDelivered.add(w.deduplicationId()));
        try {
            var result = sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries));
            result.failed().forEach(f -> LOG.warn("could not delete a delivered message ({}); it will be delivered again",
                    f.message()));
        } catch (SdkException e) {
            LOG.warn("could not delete {} delivered message(s); they will be delivered again: {}",
                    confirmed.size(), e.getMessage());
        }
    }

    /**
     * How long after a receive its messages may still be written: the queue's visibility timeout, less room
     * for the acknowledging ping (at least half of it). Read from the queue once.
     */
    private Duration sendWindow() {
        Duration window = sendWindow;
        if (window == null) {
            Duration visibility = Duration.ofSeconds(30);
            try {
                visibility = Duration.ofSeconds(Long.parseLong(sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                        .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes()
                        .get(QueueAttributeName.VISIBILITY_TIMEOUT)));
            } catch (RuntimeException e) {
                LOG.warn("could not read the queue's visibility timeout, assuming {} s: {}", visibility.toSeconds(), e.toString());
            }
            Duration lessAck = visibility.minus(ACK_ROOM);
            window = lessAck.compareTo(visibility.dividedBy(2)) > 0 ? lessAck : visibility.dividedBy(2);
            sendWindow = window;
        }
        return window;
    }

    private static String receiveCount(Message message) {
        return message.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "?");
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
