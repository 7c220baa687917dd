package org.smsoverxmpp.webhook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.smsoverxmpp.webhook.provider.ProviderResources;
import org.smsoverxmpp.webhook.provider.ProviderSetup;
import org.smsoverxmpp.webhook.provider.WebhookProvider;
import org.smsoverxmpp.webhook.signalwire.SignalWireWebhooks;
import org.smsoverxmpp.webhook.telnyx.TelnyxWebhooks;
import org.smsoverxmpp.webhook.twilio.TwilioWebhooks;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Every provider the webhook can take webhooks from: the one place a provider is registered. Each is enabled by
 * its secret's variable; the function needs at least one.
 */
final class WebhookProviders {
    static final List<ProviderSetup> ALL = List.of(TwilioWebhooks.SETUP, TelnyxWebhooks.SETUP, SignalWireWebhooks.SETUP);

    private WebhookProviders() {
    }

    static List<String> secretVariables() {
        return ALL.stream().map(ProviderSetup::secretVariable).toList();
    }

    /** The providers whose secret variable is set, built; none of them has read its secret yet. */
    static List<WebhookProvider> enabled(WebhookConfig config, SecretsManagerClient secrets, Clock clock) {
        List<WebhookProvider> enabled = new ArrayList<>();
        for (ProviderSetup setup : ALL) {
            String secretId = config.providerSecretIds().get(setup.secretVariable());
            if (secretId != null) {
                enabled.add(setup.create().apply(new ProviderResources(secrets, secretId, config.secretMaxAge(),
                        config.twilioUrlFragment(), clock)));
            }
        }
        return enabled;
    }
}
