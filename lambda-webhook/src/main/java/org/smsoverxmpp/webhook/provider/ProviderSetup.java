package org.smsoverxmpp.webhook.provider;

import java.util.Objects;
import java.util.function.Function;

/**
 * How the function switches a provider on: it is enabled when {@code secretVariable} names its webhook secret
 * (e.g. {@code TELNYX_SECRET_ID}), and then built by {@code create}.
 */
public record ProviderSetup(String secretVariable, Function<ProviderResources, WebhookProvider> create) {
    public ProviderSetup {
        Objects.requireNonNull(secretVariable, "secretVariable");
        Objects.requireNonNull(create, "create");
    }
}
