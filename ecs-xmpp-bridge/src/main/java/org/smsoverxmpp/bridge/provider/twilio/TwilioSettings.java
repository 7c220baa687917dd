package org.smsoverxmpp.bridge.provider.twilio;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.smsoverxmpp.bridge.config.EnvReader;
import org.smsoverxmpp.bridge.provider.ProviderSettings;
import org.smsoverxmpp.bridge.provider.SmsProvider;

/**
 * A provider that speaks Twilio's REST API: Twilio itself, or SignalWire, whose compatibility API takes the same
 * requests under its space's {@code /api/laml} with the project id as the account and an API token as the
 * password, and reports the same status words and error codes.
 */
public record TwilioSettings(
        String name,
        String displayName,
        TwilioCredentials credentials,
        URI apiBaseUrl,
        Optional<URI> statusCallback,
        boolean publishesErrorPages,
        List<Duration> retryDelays) implements ProviderSettings {

    public TwilioSettings {
        retryDelays = List.copyOf(retryDelays);
    }

    /** Configured when {@code TWILIO_ACCOUNT_SID} is set. */
    public static Optional<ProviderSettings> twilio(EnvReader env, List<Duration> retryDelays) {
        Optional<String> account = env.optional("TWILIO_ACCOUNT_SID");
        if (account.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> keySid = env.optional("TWILIO_API_KEY_SID");
        Optional<String> keySecret = env.optional("TWILIO_API_KEY_SECRET");
        Optional<String> token = env.optional("TWILIO_AUTH_TOKEN");
        TwilioCredentials credentials;
        if (keySid.isPresent() && keySecret.isPresent()) {
            credentials = TwilioCredentials.apiKey(account.get(), keySid.get(), keySecret.get());
        } else if (token.isPresent()) {
            credentials = TwilioCredentials.authToken(account.get(), token.get());
        } else {
            env.problem("TWILIO_API_KEY_SID and TWILIO_API_KEY_SECRET (or TWILIO_AUTH_TOKEN) are required with TWILIO_ACCOUNT_SID");
            return Optional.empty();
        }
        URI api = env.url("TWILIO_API_BASE_URL").orElse(URI.create("https://api.twilio.com"));
        return Optional.of(new TwilioSettings("twilio", "Twilio", credentials, api,
                env.url("TWILIO_STATUS_CALLBACK_URL"), true, retryDelays));
    }

    /** Configured when {@code SIGNALWIRE_PROJECT_ID} is set. */
    public static Optional<ProviderSettings> signalWire(EnvReader env, List<Duration> retryDelays) {
        Optional<String> project = env.optional("SIGNALWIRE_PROJECT_ID");
        if (project.isEmpty()) {
            return Optional.empty();
        }
        String token = env.required("SIGNALWIRE_API_TOKEN", "the API token of the SignalWire project");
        Optional<URI> space = spaceUrl(env);
        if (token == null || space.isEmpty()) {
            return Optional.empty();
        }
        URI api = URI.create(space.get().toString().replaceAll("/+$", "") + "/api/laml");
        return Optional.of(new TwilioSettings("signalwire", "SignalWire",
                TwilioCredentials.authToken(project.get(), token), api,
                env.url("SIGNALWIRE_STATUS_CALLBACK_URL"), false, retryDelays));
    }

    /** {@code https://example.signalwire.com}, or just the host name, as SignalWire's dashboard shows it. */
    private static Optional<URI> spaceUrl(EnvReader env) {
        Optional<String> text = env.optional("SIGNALWIRE_SPACE_URL");
        if (text.isEmpty()) {
            env.problem("SIGNALWIRE_SPACE_URL is required with SIGNALWIRE_PROJECT_ID (e.g. https://example.signalwire.com)");
            return Optional.empty();
        }
        if (!text.get().contains("://")) {
            try {
                URI url = URI.create("https://" + text.get());
                if (url.getHost() != null) {
                    return Optional.of(url);
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            env.problem("SIGNALWIRE_SPACE_URL must be the space's URL or host name (got '" + text.get() + "')");
            return Optional.empty();
        }
        return env.url("SIGNALWIRE_SPACE_URL");
    }

    @Override
    public SmsProvider open(int maxConnections) {
        return new TwilioProvider(this, TwilioProvider.client(this, maxConnections));
    }

    @Override
    public String toString() {
        return "TwilioSettings[" + name + ", " + apiBaseUrl + ", " + credentials + "]";
    }
}
