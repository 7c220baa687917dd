package org.smsoverxmpp.bridge.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Finds a queue's dead-letter queue from its redrive policy (the bridge and the admin CLI both do). */
public final class RedrivePolicy {
    private RedrivePolicy() {
    }

    /** @throws IllegalStateException when the queue has none, or it cannot be read */
    public static String deadLetterQueueUrl(SqsClient sqs, String queueUrl) {
        String policy = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributes().get(QueueAttributeName.REDRIVE_POLICY);
        if (policy == null) {
            throw new IllegalStateException("the queue has no redrive policy");
        }
        try {
            String arn = new ObjectMapper().readTree(policy).path("deadLetterTargetArn").asText();
            String name = arn.substring(arn.lastIndexOf(':') + 1);
            String account = arn.split(":")[4];
            return sqs.getQueueUrl(r -> r.queueName(name).queueOwnerAWSAccountId(account)).queueUrl();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("could not read the dead-letter queue from the redrive policy");
        }
    }
}
