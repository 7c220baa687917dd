package org.smsoverxmpp.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * An SQS FIFO queue and its dead-letter queue, encrypted and TLS-only. Deduplication ids and message groups
 * are set by the sender (docs/event-contract.md), so content-based deduplication stays off.
 */
public final class FifoQueue extends Construct {
    /** How long a dead letter waits for the operator (bin/admin dlq replay): SQS's longest retention. */
    public static final Duration DEAD_LETTER_RETENTION = Duration.days(14);
    /**
     * The bridge moves an event to the dead-letter queue itself: at once when it can never be delivered, and
     * after an hour of its own failures otherwise, retrying with a growing delay (about 8 receives in that
     * hour). SQS's own count is only the backstop for an event that crashes the bridge before it can settle
     * it; it must not cut the bridge's retries short, nor count the receives an event waited behind another.
     */
    public static final int EVENT_RECEIVES_BACKSTOP = 20;

    /**
     * The webhook's events for the bridge. Its visibility timeout is longer than the bridge's write + ping
     * acknowledgement and short enough to redeliver soon after a crash. Names shared with the local run
     * (local-run's LocalAws), so tools find the same things.
     */
    public static final Props EVENTS = new Props("sms-over-xmpp-events", Duration.seconds(30), Duration.days(4),
            EVENT_RECEIVES_BACKSTOP);
    /** The bridge's outbound messages, held durably until Twilio took them. Its name is shared with LocalAws too. */
    public static final Props OUTBOX = new Props("sms-over-xmpp-outbox", Duration.seconds(60), Duration.days(1), 5);

    /**
     * @param name the queue's name without {@code .fifo}; the dead-letter queue is {@code <name>-dlq.fifo}
     * @param maxReceives receives before a message moves to the dead-letter queue
     */
    public record Props(String name, Duration visibilityTimeout, Duration retention, int maxReceives) {
        public String queueName() {
            return name + ".fifo";
        }

        public String deadLetterQueueName() {
            return name + "-dlq.fifo";
        }
    }

    private final Queue queue;
    private final Queue deadLetters;

    public FifoQueue(Construct scope, String id, Props props) {
        super(scope, id);
        deadLetters = Queue.Builder.create(this, "DeadLetters")
                .queueName(props.deadLetterQueueName()).fifo(true)
                .encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true)
                .retentionPeriod(DEAD_LETTER_RETENTION)
                .build();
        queue = Queue.Builder.create(this, "Resource")
                .queueName(props.queueName()).fifo(true).contentBasedDeduplication(false)
                .encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true)
                .visibilityTimeout(props.visibilityTimeout())
                .retentionPeriod(props.retention())
                .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(props.maxReceives()).build())
                .build();
        Suppressions.suppress(deadLetters, "AwsSolutions-SQS3", "This is the dead-letter queue; it has none of its own.");
    }

    public Queue queue() {
        return queue;
    }

    public Queue deadLetters() {
        return deadLetters;
    }
}
