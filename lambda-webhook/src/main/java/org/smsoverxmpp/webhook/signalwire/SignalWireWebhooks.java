package org.smsoverxmpp.webhook.signalwire;

import java.time.Duration;
import java.util.List;
import org.smsoverxmpp.events.QueueEvent;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.provider.ProviderResources;
import org.smsoverxmpp.webhook.provider.ProviderSetup;
import org.smsoverxmpp.webhook.provider.WebhookProvider;
import org.smsoverxmpp.webhook.provider.WebhookRoute;
import org.smsoverxmpp.webhook.secrets.CachedSecret;
import org.smsoverxmpp.webhook.secrets.SecretSource;
import org.smsoverxmpp.webhook.twilio.TwilioFormPriming;
import org.smsoverxmpp.webhook.twilio.TwilioFormRoute;
import org.smsoverxmpp.webhook.twilio.TwilioForms;
import org.smsoverxmpp.webhook.twilio.TwilioSignature;

/**
 * SignalWire's LaML (Twilio-compatible) messaging webhooks: inbound SMS at {@value #SMS_ROUTE}, status callbacks
 * at {@value #STATUS_ROUTE}. They are Twilio's forms, signed as Twilio signs them but with the project's signing
 * key, in {@value #HEADER} (SignalWire sends the same value in {@code X-Twilio-Signature} too, which is read when
 * its own header is absent). So the Twilio package's form routes do the work, with SignalWire's key and name.
 * Enabled by {@code SIGNALWIRE_SECRET_ID}.
 */
public final class SignalWireWebhooks implements WebhookProvider {
    public static final String NAME = "signalwire";
    public static final String SMS_ROUTE = "/signalwire/sms";
    public static final String STATUS_ROUTE = "/signalwire/status";
    public static final String HEADER = "X-SignalWire-Signature";
    public static final ProviderSetup SETUP = new ProviderSetup("SIGNALWIRE_SECRET_ID", SignalWireWebhooks::create);

    private final SecretSource<SignalWireCredentials> secret;
    private final TwilioFormRoute sms;
    private final List<WebhookRoute> routes;

    public SignalWireWebhooks(SecretSource<SignalWireCredentials> secret) {
        this.secret = secret;
        // SignalWire reads no connection overrides from the URL's fragment: it signs the URL as configured.
        TwilioSignature signature = new TwilioSignature(secret, List.of(HEADER, TwilioSignature.HEADER), List.of(""));
        TwilioForms forms = new TwilioForms(NAME);
        sms = new TwilioFormRoute(SMS_ROUTE, TwilioFormRoute.Kind.SMS, signature, forms);
        routes = List.of(sms, new TwilioFormRoute(STATUS_ROUTE, TwilioFormRoute.Kind.STATUS, signature, forms));
    }

    static WebhookProvider create(ProviderResources resources) {
        return new SignalWireWebhooks(new CachedSecret<>(resources.secrets(), resources.secretId(),
                resources.secretMaxAge(), resources.clock(), "a JSON object with projectId and signingKey",
                json -> new SignalWireCredentials(json.path("projectId").asText(null),
                        json.path("signingKey").asText(null))));
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
