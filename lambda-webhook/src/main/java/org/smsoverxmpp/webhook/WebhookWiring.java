package org.smsoverxmpp.webhook;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.smsoverxmpp.webhook.queue.SqsFifoQueue;
import org.smsoverxmpp.webhook.twilio.TwilioSecret;
import org.smsoverxmpp.webhook.twilio.TwilioSignature;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The composition root of the Lambda: builds the AWS clients and the service once. Reading the secret here
 * means a function without a usable auth token fails at start-up instead of accepting requests.
 */
public record WebhookWiring(WebhookConfig config, WebhookService service, SnapStartPriming priming) {

    public static WebhookWiring fromEnvironment(WebhookConfig config) {
        SqsClient sqs = aws(SqsClient.builder(), config, config.sqsEndpoint()).build();
        SecretsManagerClient secrets = aws(SecretsManagerClient.builder(), config, config.awsEndpoint()).build();
        TwilioSecret secret = new TwilioSecret(secrets, config.twilioSecretId(), config.secretMaxAge(), Clock.systemUTC());
        secret.current();
        WebhookService service = new WebhookService(new TwilioSignature(secret, config.twilioUrlFragment()),
                new SqsFifoQueue(sqs, config.queueUrl()), config.maxBodyBytes(), Clock.systemUTC());
        SnapStartPriming priming = new SnapStartPriming(service, secret,
                () -> sqs.getQueueAttributes(r -> r.queueUrl(config.queueUrl())
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))).register();
        return new WebhookWiring(config, service, priming);
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>>
            B aws(B builder, WebhookConfig config, Optional<URI> endpoint) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder());
        config.awsRegion().map(Region::of).ifPresent(builder::region);
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }
}
