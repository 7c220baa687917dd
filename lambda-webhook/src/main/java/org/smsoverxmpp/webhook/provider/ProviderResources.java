package org.smsoverxmpp.webhook.provider;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * What a provider is built with.
 *
 * @param secretId          its webhook secret, from its secret variable
 * @param secretMaxAge      how long its secret may be served from the cache
 * @param signedUrlFragment the fragment the operator appended to the webhook URLs ({@code TWILIO_URL_FRAGMENT},
 *                          without {@code #}), for a provider that signs the URL it calls
 */
public record ProviderResources(SecretsManagerClient secrets, String secretId, Duration secretMaxAge,
        Optional<String> signedUrlFragment, Clock clock) {
}
