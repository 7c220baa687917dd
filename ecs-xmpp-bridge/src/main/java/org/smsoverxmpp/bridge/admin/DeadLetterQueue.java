package org.smsoverxmpp.bridge.admin;

import org.smsoverxmpp.bridge.queue.RedrivePolicy;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Finds the dead-letter queue: given, or read from the events queue's redrive policy. */
final class DeadLetterQueue {
    private DeadLetterQueue() {
    }

    static String url(SqsClient sqs, AwsOptions aws) {
        if (aws.deadLetterUrl != null && !aws.deadLetterUrl.isBlank()) {
            return aws.deadLetterUrl;
        }
        try {
            return RedrivePolicy.deadLetterQueueUrl(sqs, aws.queueUrl(sqs));
        } catch (IllegalStateException e) {
            throw new AdminException(e.getMessage() + "; pass --dlq-url");
        }
    }
}
