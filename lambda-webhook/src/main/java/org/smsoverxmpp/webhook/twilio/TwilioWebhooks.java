package org.smsoverxmpp.webhook.twilio;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.smsoverxmpp.events.QueueEvent;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.provider.ProviderResources;
import org.smsoverxmpp.webhook.provider.ProviderSetup;
import org.smsoverxmpp.webhook.provider.WebhookProvider;
import org.smsoverxmpp.webhook.provider.WebhookRoute;
import org.smsoverxmpp.webhook.secrets.CachedSecret;
import org.smsoverxmpp.webhook.secrets.SecretSource;

/**
 * Twilio: "a message comes in" at {@value #SMS_ROUTE}, status callbacks at {@value #STATUS_ROUTE}, both signed
 * with the account's auth token ({@code X-Twilio-Signature}). Enabled by {@code TWILIO_SECRET_ID}.
 */
public final class TwilioWebhooks implements WebhookProvider {
    public static final String NAME = "twilio";
    public static final String SMS_ROUTE = "/twilio/sms";
    public static final String STATUS_ROUTE = "/twilio/status";
    /** The routes from before each provider had its own: Twilio numbers configured then still post here. */
    public static final String LEGACY_SMS_ROUTE = "/sms";
    public static final String LEGACY_STATUS_ROUTE = "/status";
    public static final ProviderSetup SETUP = new ProviderSetup("TWILIO_SECRET_ID", TwilioWebhooks::create);

    private final SecretSource<TwilioCredentials> secret;
    private final TwilioFormRoute sms;
    private final List<WebhookRoute> routes;

    /** @param configuredFragment the fragment the operator appended to the URLs in Twilio, without {@code #} */
    public TwilioWebhooks(SecretSource<TwilioCredentials> secret, Optional<String> configuredFragment) {
        this.secret = secret;
        TwilioSignature signature = new TwilioSignature(secret, configuredFragment);
        TwilioForms forms = new TwilioForms(NAME);
        sms = new TwilioFormRoute(SMS_ROUTE, TwilioFormRoute.Kind.SMS, signature, forms);
        routes = List.of(sms,
                new TwilioFormRoute(STATUS_ROUTE, TwilioFormRoute.Kind.STATUS, signature, forms),
                new TwilioFormRoute(LEGACY_SMS_ROUTE, TwilioFormRoute.Kind.SMS, signature, forms),
                new TwilioFormRoute(LEGACY_STATUS_ROUTE, TwilioFormRoute.Kind.STATUS, signature, forms));
    }

    static WebhookProvider create(ProviderResources resources) {
        return new TwilioWebhooks(new TwilioSecret(resources.secrets(), resources.secretId(), resources.secretMaxAge(),
                resources.clock()), resources.signedUrlFragment());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<WebhookRoute> routes() {
        return routes;
    }

    @Override
    public void readSecret() throws CachedSecret.UnavailableException {
        secret.refreshIfOlderThan(Duration.ZERO);
    }

    @Override
    public List<QueueEvent> prime(int count) throws WebhookRejection, CachedSecret.UnavailableException {
        return TwilioFormPriming.prime(sms, secret.current(), count);
    }
}
