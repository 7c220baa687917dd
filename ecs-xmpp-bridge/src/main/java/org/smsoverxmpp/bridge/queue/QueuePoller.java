package org.smsoverxmpp.bridge.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One SQS FIFO queue as the consumers use it: receive a batch, keep it invisible while it is worked on, and
 * settle each message: delete it, make it visible again after a delay, hand it back at once, or move it to the
 * dead-letter queue with the reason as a message attribute ({@value #REJECT_REASON}). A failed settle call is
 * logged and left to SQS: the message comes back after its visibility timeout, so nothing is lost.
 */
public final class QueuePoller {
    private static final Logger LOG = LoggerFactory.getLogger(QueuePoller.class);
    /** SQS's limit for a receive and for a batch call. */
    public static final int MAX_BATCH = 10;
    /** Why a message is in the dead-letter queue; `bin/admin dlq` shows it. */
    public static final String REJECT_REASON = "reject-reason";
    public static final String REJECTED_AT = "rejected-at";
    /** Set on a message an operator replayed from the dead-letter queue. */
    public static final String REPLAYED = "replayed";
    /** SQS caps a message attribute and its reasons need not be long. */
    private static final int MAX_REASON = 1000;

    private final SqsClient sqs;
    private final String queueUrl;
    private final Optional<String> configuredDeadLetterUrl;
    private final Clock clock;
    private volatile String deadLetterUrl;
    private volatile DeleteGathering gathering;

    /** @param deadLetterUrl the dead-letter queue; when empty it is read from the queue's redrive policy */
    public QueuePoller(SqsClient sqs, String queueUrl, Optional<String> deadLetterUrl, Clock clock) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.configuredDeadLetterUrl = deadLetterUrl;
        this.clock = clock;
    }

    /** The queue's visibility timeout, which every time budget of a delivery derives from. */
    public Duration visibilityTimeout() {
        return Duration.ofSeconds(Long.parseLong(sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.VISIBILITY_TIMEOUT)).attributes().get(QueueAttributeName.VISIBILITY_TIMEOUT)));
    }

    public List<ReceivedMessage> receive(int waitSeconds) {
        return receive(waitSeconds, MAX_BATCH);
    }

    /** @param max at most this many (1 to {@value #MAX_BATCH}) */
    public List<ReceivedMessage> receive(int waitSeconds, int max) {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(max)
                .waitTimeSeconds(waitSeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID,
                        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                        MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP)
                .messageAttributeNames(REPLAYED)).messages();
        Instant now = clock.instant();
        List<ReceivedMessage> received = new ArrayList<>(messages.size());
        for (Message message : messages) {
            Map<MessageSystemAttributeName, String> attributes = message.attributes();
            long firstReceived = number(attributes.get(MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP), -1L);
            received.add(new ReceivedMessage(message, attributes.getOrDefault(MessageSystemAttributeName.MESSAGE_GROUP_ID, ""),
                    (int) number(attributes.get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT), 1L),
                    firstReceived < 0 ? now : Instant.ofEpochMilli(firstReceived),
                    message.messageAttributes().containsKey(REPLAYED)));
        }
        return received;
    }

    /**
     * From now on, deletes of delivered messages are gathered across consumers for up to {@code linger}
     * ({@link DeleteGathering}) instead of each costing a call of its own; {@link #close} sends what is left.
     */
    public QueuePoller gatherDeletes(Duration linger, int parallelCalls, String threadName) {
        if (!linger.isZero()) {
            gathering = new DeleteGathering(this, linger, parallelCalls, threadName);
        }
        return this;
    }

    /** Deletes delivered messages: at once, or gathered with others' if {@link #gatherDeletes} was called. */
    public void delete(List<ReceivedMessage> events) {
        DeleteGathering gathered = gathering;
        if (gathered == null) {
            deleteNow(events);
        } else if (!events.isEmpty()) {
            gathered.add(events);
        }
    }

    /** After the consumers have stopped: deletes what is gathered, so a graceful stop leaves no repeat behind. */
    public void close() {
        DeleteGathering gathered = gathering;
        if (gathered != null) {
            gathered.close();
        }
    }

    /** One DeleteMessageBatch call for up to {@value #MAX_BATCH} messages. */
    void deleteNow(List<ReceivedMessage> events) {
        if (events.isEmpty()) {
            return;
        }
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            entries.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .receiptHandle(events.get(i).message().receiptHandle()).build());
        }
        try {
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(entries)).failed()
                    .forEach(f -> LOG.warn("could not delete a delivered message ({}); it comes back and is dropped as a repeat",
                            f.message()));
        } catch (SdkException e) {
            LOG.warn("could not delete {} delivered message(s); they come back and are dropped as repeats: {}",
                    events.size(), e.getMessage());
        }
    }

    /** Makes each message visible again after its own delay (zero: at once, for another consumer). */
    public void later(Map<ReceivedMessage, Duration> delays) {
        if (delays.isEmpty()) {
            return;
        }
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        int i = 0;
        for (Map.Entry<ReceivedMessage, Duration> delay : delays.entrySet()) {
            entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i++))
                    .receiptHandle(delay.getKey().message().receiptHandle())
                    .visibilityTimeout((int) Math.min(Math.max(delay.getValue().toSeconds(), 0), 43_200)).build());
        }
        try {
            sqs.changeMessageVisibilityBatch(r -> r.queueUrl(queueUrl).entries(entries)).failed()
                    .forEach(f -> LOG.debug("could not change a message's visibility ({})", f.message()));
        } catch (SdkException e) {
            LOG.warn("could not change the visibility of {} message(s); they come back after the visibility timeout: {}",
                    delays.size(), e.getMessage());
        }
    }

    /**
     * Moves the message to the dead-letter queue at once, with the reason, in its own conversation.
     *
     * @return false if it could not be moved: the caller retries it instead, so it is never lost
     */
    public boolean reject(ReceivedMessage event, String reason) {
        Message message = event.message();
        try {
            String deadLetters = deadLetterUrl();
            sqs.sendMessage(r -> r.queueUrl(deadLetters).messageBody(message.body())
                    .messageGroupId(event.group().isEmpty() ? "rejected" : event.group())
                    .messageDeduplicationId("rejected-" + message.messageId())
                    .messageAttributes(Map.of(
                            REJECT_REASON, text(reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason),
                            REJECTED_AT, text(clock.instant().toString()))));
        } catch (SdkException | IllegalStateException e) {
            LOG.warn("could not move message {} to the dead-letter queue; it will be tried again: {}", message.messageId(),
                    e.getMessage());
            return false;
        }
        delete(List.of(event));
        return true;
    }

    private String deadLetterUrl() {
        String url = deadLetterUrl;
        if (url == null) {
            url = configuredDeadLetterUrl.orElseGet(() -> RedrivePolicy.deadLetterQueueUrl(sqs, queueUrl));
            deadLetterUrl = url;
        }
        return url;
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static long number(String text, long fallback) {
        try {
            return text == null ? fallback : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
