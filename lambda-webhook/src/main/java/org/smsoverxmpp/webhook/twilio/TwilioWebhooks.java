package org.smsoverxmpp.webhook.twilio;

import java.util.List;
import java.util.Optional;
import org.smsoverxmpp.webhook.provider.ProviderResources;
import org.smsoverxmpp.webhook.provider.ProviderSetup;
import org.smsoverxmpp.webhook.provider.WebhookProvider;
import org.smsoverxmpp.webhook.secrets.SecretSource;

/**
 * Twilio: "a message comes in" at {@value #SMS_ROUTE}, status callbacks at {@value #STATUS_ROUTE}, both signed
 * with the account's auth token ({@code X-Twilio-Signature}). Enabled by {@code TWILIO_SECRET_ID}.
 */
public final class TwilioWebhooks extends TwilioFormProvider {
    public static final String NAME = "twilio";
    public static final String SMS_ROUTE = "/twilio/sms";
    public static final String STATUS_ROUTE = "/twilio/status";
    /** The routes from before each provider had its own: Twilio numbers configured then still post here. */
    public static final String LEGACY_SMS_ROUTE = "/sms";
    public static final String LEGACY_STATUS_ROUTE = "/status";
    public static final ProviderSetup SETUP = new ProviderSetup("TWILIO_SECRET_ID", TwilioWebhooks::create);

    /** @param configuredFragment the fragment the operator appended to the URLs in Twilio, without {@code #} */
    public TwilioWebhooks(SecretSource<TwilioCredentials> secret, Optional<String> configuredFragment) {
        super(NAME, secret, new TwilioSignature(secret, configuredFragment), List.of(SMS_ROUTE, LEGACY_SMS_ROUTE),
                List.of(STATUS_ROUTE, LEGACY_STATUS_ROUTE));
    }

    static WebhookProvider create(ProviderResources resources) {
        return new TwilioWebhooks(new TwilioSecret(resources.secrets(), resources.secretId(), resources.secretMaxAge(),
                resources.clock()), resources.signedUrlFragment());
    }
}
