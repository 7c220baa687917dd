package org.smsoverxmpp.webhook.queue;

import org.smsoverxmpp.events.EventCodec;
import org.smsoverxmpp.events.QueueEvent;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The SQS FIFO queue: deduplication by MessageSid absorbs Twilio's retries, and one message group per
 * conversation keeps each conversation in order while others proceed.
 */
public class SqsFifoQueue implements EventQueue {
    private final SqsClient sqs;
    private final String queueUrl;
    private final EventCodec codec = new EventCodec();

    public SqsFifoQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(QueueEvent event) throws QueueUnavailableException {
        try {
            sqs.sendMessage(r -> r.queueUrl(queueUrl)
                    .messageBody(codec.encode(event))
                    .messageDeduplicationId(event.deduplicationId())
                    .messageGroupId(event.messageGroupId()));
        } catch (SdkException e) {
            throw new QueueUnavailableException("SQS did not accept " + event.messageId() + ": " + describe(e), e);
        }
    }

    /**
     * What went wrong, for the log. A service's own message can quote the request's parameters, whose
     * message group id holds both phone numbers, so only its status and error code are kept.
     */
    static String describe(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return "HTTP " + service.statusCode() + " " + service.awsErrorDetails().errorCode()
                    + " (request " + service.requestId() + ")";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
