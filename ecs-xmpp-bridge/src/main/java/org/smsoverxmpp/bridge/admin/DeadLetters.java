package org.smsoverxmpp.bridge.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smsoverxmpp.bridge.queue.QueuePoller;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * A look into a dead-letter queue without taking anything out: messages are received (held invisible while
 * looking, so each is seen once) and then released at once. SQS has no other way to read a queue.
 */
final class DeadLetters {
    /** How long a looked-at message stays invisible if releasing it fails: short, as a look should be. */
    private static final int HOLD_SECONDS = 30;

    /** One dead-lettered message, and why it is there. */
    record DeadLetter(String id, String group, Optional<String> reason, Optional<String> rejectedAt, Instant sentAt,
            String receiptHandle) {
        /** The bridge's reason, or what a message without one means: it failed on each of its receives. */
        String why() {
            return reason.orElse("(no reason recorded: moved here by SQS after its last receive; the bridge could "
                    + "not settle it in time, e.g. it was down or the XMPP server did not confirm)");
        }
    }

    private final SqsClient sqs;
    private final String url;

    DeadLetters(SqsClient sqs, String url) {
        this.sqs = sqs;
        this.url = url;
    }

    /** Up to {@code max} messages, oldest conversations first; every one is released before this returns. */
    List<DeadLetter> look(int max) {
        List<DeadLetter> seen = hold(max);
        release(seen);
        return seen;
    }

    /** @return false when no message has that id (among the first {@code max}) */
    boolean drop(String id, int max) {
        List<DeadLetter> seen = hold(max);
        Optional<DeadLetter> target = seen.stream().filter(d -> d.id().equals(id)).findFirst();
        target.ifPresent(d -> sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(d.receiptHandle())));
        release(seen.stream().filter(d -> target.isEmpty() || d != target.get()).toList());
        return target.isPresent();
    }

    private List<DeadLetter> hold(int max) {
        List<DeadLetter> seen = new ArrayList<>();
        while (seen.size() < max) {
            int wanted = Math.min(QueuePoller.MAX_BATCH, max - seen.size());
            List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(wanted).waitTimeSeconds(1)
                    .visibilityTimeout(HOLD_SECONDS)
                    .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID, MessageSystemAttributeName.SENT_TIMESTAMP)
                    .messageAttributeNames(QueuePoller.REJECT_REASON, QueuePoller.REJECTED_AT)).messages();
            if (batch.isEmpty()) {
                break;
            }
            batch.forEach(m -> seen.add(deadLetter(m)));
        }
        return seen;
    }

    private void release(List<DeadLetter> held) {
        for (int from = 0; from < held.size(); from += QueuePoller.MAX_BATCH) {
            List<DeadLetter> part = held.subList(from, Math.min(held.size(), from + QueuePoller.MAX_BATCH));
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                        .receiptHandle(part.get(i).receiptHandle()).visibilityTimeout(0).build());
            }
            sqs.changeMessageVisibilityBatch(r -> r.queueUrl(url).entries(entries));
        }
    }

    private static DeadLetter deadLetter(Message message) {
        Map<String, MessageAttributeValue> attributes = message.messageAttributes();
        String sent = message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
        return new DeadLetter(message.messageId(),
                message.attributes().getOrDefault(MessageSystemAttributeName.MESSAGE_GROUP_ID, ""),
                Optional.ofNullable(attributes.get(QueuePoller.REJECT_REASON)).map(MessageAttributeValue::stringValue),
                Optional.ofNullable(attributes.get(QueuePoller.REJECTED_AT)).map(MessageAttributeValue::stringValue),
                sent == null ? Instant.EPOCH : Instant.ofEpochMilli(Long.parseLong(sent)), message.receiptHandle());
    }
}
