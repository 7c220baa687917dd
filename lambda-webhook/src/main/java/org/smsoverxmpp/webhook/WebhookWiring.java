package org.smsoverxmpp.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.smsoverxmpp.webhook.provider.WebhookProvider;
import org.smsoverxmpp.webhook.queue.SqsFifoQueue;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The composition root of the Lambda: builds the AWS clients, the enabled providers and the service once.
 * Reading every provider's secret here (while the queue's client is built) means a function that cannot read one fails at start-up instead of
 * accepting requests.
 */
public record WebhookWiring(WebhookConfig config, WebhookService service, SnapStartPriming priming) {

    public static WebhookWiring fromEnvironment(WebhookConfig config) {
        // The secrets' round trips to Secrets Manager overlap building the queue's client.
        StartupSecrets startup = StartupSecrets.read(() -> WebhookProviders.enabled(config, secretsManager(config),
                Clock.systemUTC()));
        SqsClient sqs = sqs(config);
        List<WebhookProvider> providers = startup.await();
        WebhookService service = new WebhookService(providers, new SqsFifoQueue(sqs, config.queueUrl()),
                config.maxBodyBytes(), Clock.systemUTC());
        SnapStartPriming priming = new SnapStartPriming(providers,
                () -> sqs.getQueueAttributes(r -> r.queueUrl(config.queueUrl())
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))).register();
        return new WebhookWiring(config, service, priming);
    }

    /** SQS, bounded by the budget's share for the send every request makes. */
    static SqsClient sqs(WebhookConfig config) {
        WebhookBudget budget = config.budget();
        return aws(SqsClient.builder(), config, config.sqsEndpoint(),
                budget.queueCall(), budget.queueAttempt(), WebhookBudget.QUEUE_ATTEMPTS).build();
    }

    /** Secrets Manager, bounded by the budget's share for the rare read of the auth token. */
    static SecretsManagerClient secretsManager(WebhookConfig config) {
        WebhookBudget budget = config.budget();
        return aws(SecretsManagerClient.builder(), config, config.awsEndpoint(),
                budget.secretsCall(), budget.secretsAttempt(), WebhookBudget.SECRETS_ATTEMPTS).build();
    }

    /**
     * The SDK's defaults give a call no deadline at all (the JDK client's read timeout is 30 s); here every
     * attempt, and the call with its retries, ends within its share of the budget.
     */
    private static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B aws(B builder,
            WebhookConfig config, Optional<URI> endpoint, Duration call, Duration attempt, int attempts) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(attempt).socketTimeout(attempt));
        builder.overrideConfiguration(o -> o.apiCallTimeout(call).apiCallAttemptTimeout(attempt)
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(attempts).build()));
        config.awsRegion().map(Region::of).ifPresent(builder::region);
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }
}
