package org.smsoverxmpp.bridge.admin;

import org.smsoverxmpp.bridge.queue.RedrivePolicy;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Finds a dead-letter queue: given, or read from its queue's redrive policy. */
final class DeadLetterQueue {
    private DeadLetterQueue() {
    }

    static String url(SqsClient sqs, AwsOptions aws) {
        if (aws.deadLetterUrl != null && !aws.deadLetterUrl.isBlank()) {
            return aws.deadLetterUrl;
        }
        return of(sqs, aws.queueUrl(sqs));
    }

    /** The outbox's dead-letter queue, from its redrive policy. */
    static String outboxUrl(SqsClient sqs, AwsOptions aws) {
        return of(sqs, aws.outboxUrl(sqs));
    }

    private static String of(SqsClient sqs, String queueUrl) {
        try {
            return RedrivePolicy.deadLetterQueueUrl(sqs, queueUrl);
        } catch (IllegalStateException e) {
            throw new AdminException(e.getMessage() + "; pass --dlq-url");
        }
    }
}
