package org.smsoverxmpp.bench;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The SQS-compatible queue a load row runs against, and how the bridge and the webhook reach it. */
record BenchQueue(String name, URI endpoint, String url, String outboxUrl, SqsClient sqs) {
    Map<String, String> environment() {
        return Map.of("QUEUE_URL", url, "OUTBOX_QUEUE_URL", outboxUrl, "AWS_ENDPOINT_URL_SQS", endpoint.toString());
    }
}
