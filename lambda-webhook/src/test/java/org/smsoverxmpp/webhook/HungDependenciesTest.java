package org.smsoverxmpp.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.events.QueueEvent;
import org.smsoverxmpp.webhook.http.WebhookResponse;
import org.smsoverxmpp.webhook.queue.SqsFifoQueue;
import org.smsoverxmpp.webhook.twilio.FixedSecret;
import org.smsoverxmpp.webhook.twilio.TwilioSecret;
import org.smsoverxmpp.webhook.twilio.TwilioWebhooks;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS clients exactly as the wiring builds them, against a service that accepts the connection and
 * never answers. Twilio waits 15 s and does not retry a timeout; it does retry a 503.
 */
class HungDependenciesTest {
    /** Scheduling and the SDK's own bookkeeping, on a busy machine. */
    static final Duration SLACK = Duration.ofMillis(1500);
    static final Duration TWILIO_TIMEOUT = Duration.ofSeconds(15);

    @BeforeAll
    static void credentials() {
        // The SDK signs before it connects; without credentials it would fail at once and prove nothing.
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    }

    @AfterAll
    static void noCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private static WebhookConfig config(HungServer server) {
        return WebhookConfig.from(Map.of(
                "QUEUE_URL", server.endpoint() + "/000000000000/sms-over-xmpp-events.fifo",
                "TWILIO_SECRET_ID", "sms-over-xmpp/twilio",
                "AWS_REGION", "us-east-1",
                "AWS_ENDPOINT_URL", server.endpoint().toString()));
    }

    private static Duration timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void hungQueueIsAnswered503WithinItsShareOfTheBudget() throws Exception {
        try (HungServer sqs = new HungServer(); SqsClient client = WebhookWiring.sqs(config(sqs))) {
            WebhookConfig config = config(sqs);
            TwilioSecret secret = new TwilioSecret(new FixedSecret(WebhookServiceTest.ACCOUNT, WebhookServiceTest.TOKEN),
                    "twilio", Duration.ofMinutes(5), Clock.systemUTC());
            WebhookService service = new WebhookService(List.of(new TwilioWebhooks(secret, Optional.empty())),
                    new SqsFifoQueue(client, config.queueUrl()), 65536, Clock.systemUTC());
            WebhookResponse[] response = new WebhookResponse[1];

            Duration took = timed(() -> response[0] = service.handle(
                    WebhookServiceTest.signed("/sms", WebhookServiceTest.smsForm())));

            System.out.println("hung queue: " + response[0].status() + " after " + took.toMillis() + " ms");
            assertThat(response[0].status()).isEqualTo(503);
            assertThat(sqs.bytesReceived()).as("the send reached the queue, which never answered").isPositive();
            assertThat(took).isLessThan(config.budget().queueCall().plus(SLACK)).isLessThan(TWILIO_TIMEOUT);
        }
    }

    @Test
    void hungSecretsManagerAtRequestTimeIsAnswered503WithinItsShareOfTheBudget() throws Exception {
        try (HungServer secretsManager = new HungServer();
                SecretsManagerClient client = WebhookWiring.secretsManager(config(secretsManager))) {
            WebhookConfig config = config(secretsManager);
            List<QueueEvent> enqueued = new ArrayList<>();
            TwilioSecret secret = new TwilioSecret(client, config.providerSecretIds().get("TWILIO_SECRET_ID"),
                    config.secretMaxAge(), Clock.systemUTC());
            WebhookService service = new WebhookService(List.of(new TwilioWebhooks(secret, Optional.empty())),
                    enqueued::add, 65536, Clock.systemUTC());
            WebhookResponse[] response = new WebhookResponse[1];

            Duration took = timed(() -> response[0] = service.handle(
                    WebhookServiceTest.signed("/sms", WebhookServiceTest.smsForm())));

            System.out.println("hung Secrets Manager: " + response[0].status() + " after " + took.toMillis() + " ms");
            assertThat(response[0].status()).isEqualTo(503);
            assertThat(secretsManager.bytesReceived()).isPositive();
            assertThat(took).isLessThan(config.budget().secretsCall().plus(SLACK)).isLessThan(TWILIO_TIMEOUT);
            assertThat(enqueued).isEmpty();
        }
    }
}
