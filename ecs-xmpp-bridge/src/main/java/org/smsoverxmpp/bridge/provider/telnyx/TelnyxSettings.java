package org.smsoverxmpp.bridge.provider.telnyx;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.smsoverxmpp.bridge.config.EnvReader;
import org.smsoverxmpp.bridge.provider.ProviderSettings;
import org.smsoverxmpp.bridge.provider.SmsProvider;

/**
 * Telnyx's Messaging API: an API key (sent as a bearer token), and where Telnyx should report on each message
 * ({@code webhook_url}; without it, the messaging profile's webhook URL is used).
 */
public record TelnyxSettings(
        String apiKey,
        URI apiBaseUrl,
        Optional<URI> webhookUrl,
        Optional<String> messagingProfileId,
        List<Duration> retryDelays) implements ProviderSettings {

    public static final String NAME = "telnyx";

    public TelnyxSettings {
        retryDelays = List.copyOf(retryDelays);
    }

    /** Configured when {@code TELNYX_API_KEY} is set. */
    public static Optional<ProviderSettings> read(EnvReader env, List<Duration> retryDelays) {
        Optional<String> key = env.optional("TELNYX_API_KEY");
        if (key.isEmpty()) {
            return Optional.empty();
        }
        URI api = env.url("TELNYX_API_BASE_URL").orElse(URI.create("https://api.telnyx.com"));
        return Optional.of(new TelnyxSettings(key.get(), api, env.url("TELNYX_WEBHOOK_URL"),
                env.optional("TELNYX_MESSAGING_PROFILE_ID"), retryDelays));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SmsProvider open(int maxConnections) {
        return new TelnyxProvider(this);
    }

    @Override
    public String toString() {
        return "TelnyxSettings[" + apiBaseUrl + ", apiKey=***]";
    }
}
