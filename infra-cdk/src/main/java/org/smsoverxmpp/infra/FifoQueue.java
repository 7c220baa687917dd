package org.smsoverxmpp.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The SQS FIFO queue between webhook and bridge, and its dead-letter queue: deduplication by MessageSid and
 * one message group per conversation are set by the sender (docs/event-contract.md).
 */
public final class EventQueue extends Construct {
    /** Names shared with the local run (local-run's LocalAws), so tools find the same things. */
    public static final String NAME = "sms-over-xmpp-events";
    public static final int MAX_RECEIVES = 5;

    private final Queue queue;
    private final Queue deadLetters;

    public EventQueue(Construct scope, String id) {
        super(scope, id);
        deadLetters = Queue.Builder.create(this, "DeadLetters")
                .queueName(NAME + "-dlq.fifo").fifo(true)
                .encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        queue = Queue.Builder.create(this, "Resource")
                .queueName(NAME + ".fifo").fifo(true).contentBasedDeduplication(false)
                .encryption(QueueEncryption.SQS_MANAGED).enforceSsl(true)
                // Longer than the bridge's write + ping acknowledgement; short enough to redeliver soon after a crash.
                .visibilityTimeout(Duration.seconds(30))
                .retentionPeriod(Duration.days(4))
                .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(MAX_RECEIVES).build())
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
