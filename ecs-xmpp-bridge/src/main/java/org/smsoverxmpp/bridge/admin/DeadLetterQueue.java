package org.smsoverxmpp.bridge.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Finds the dead-letter queue: given, or read from the events queue's redrive policy. */
final class DeadLetterQueue {
    private DeadLetterQueue() {
    }

    static String url(SqsClient sqs, AwsOptions aws) {
        if (aws.deadLetterUrl != null && !aws.deadLetterUrl.isBlank()) {
            return aws.deadLetterUrl;
        }
        String queue = aws.queueUrl(sqs);
        String policy = sqs.getQueueAttributes(r -> r.queueUrl(queue).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributes().get(QueueAttributeName.REDRIVE_POLICY);
        if (policy == null) {
            throw new AdminException("the queue has no redrive policy; pass --dlq-url");
        }
        try {
            String arn = new ObjectMapper().readTree(policy).path("deadLetterTargetArn").asText();
            String name = arn.substring(arn.lastIndexOf(':') + 1);
            String account = arn.split(":")[4];
            return sqs.getQueueUrl(r -> r.queueName(name).queueOwnerAWSAccountId(account)).queueUrl();
        } catch (IOException | RuntimeException e) {
            throw new AdminException("could not read the dead-letter queue from the redrive policy; pass --dlq-url");
        }
    }
}
