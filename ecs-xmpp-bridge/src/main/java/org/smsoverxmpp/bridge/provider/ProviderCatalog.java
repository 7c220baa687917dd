package org.smsoverxmpp.bridge.provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.smsoverxmpp.bridge.config.EnvReader;
import org.smsoverxmpp.bridge.provider.telnyx.TelnyxSettings;
import org.smsoverxmpp.bridge.provider.twilio.TwilioSettings;

/**
 * Every provider the bridge knows, each configured by its own environment variables (docs/configuration.md).
 * Adding a provider adds its package and one line here.
 */
public final class ProviderCatalog {
    private ProviderCatalog() {
    }

    /** The providers whose variables are set; a provider half-configured is reported as a problem to {@code env}. */
    public static List<ProviderSettings> configured(EnvReader env, List<Duration> retryDelays) {
        List<ProviderSettings> found = new ArrayList<>();
        TwilioSettings.twilio(env, retryDelays).ifPresent(found::add);
        TwilioSettings.signalWire(env, retryDelays).ifPresent(found::add);
        TelnyxSettings.read(env, retryDelays).ifPresent(found::add);
        if (found.isEmpty()) {
            env.problem("no SMS provider is configured: set TWILIO_ACCOUNT_SID with TWILIO_API_KEY_SID and "
                    + "TWILIO_API_KEY_SECRET (or TWILIO_AUTH_TOKEN), or TELNYX_API_KEY, or SIGNALWIRE_PROJECT_ID with "
                    + "SIGNALWIRE_API_TOKEN and SIGNALWIRE_SPACE_URL");
        }
        return found;
    }
}
