package org.smsoverxmpp.webhook.signalwire;

import java.util.List;
import org.smsoverxmpp.webhook.provider.ProviderResources;
import org.smsoverxmpp.webhook.provider.ProviderSetup;
import org.smsoverxmpp.webhook.provider.WebhookProvider;
import org.smsoverxmpp.webhook.secrets.CachedSecret;
import org.smsoverxmpp.webhook.secrets.SecretSource;
import org.smsoverxmpp.webhook.twilio.TwilioFormProvider;
import org.smsoverxmpp.webhook.twilio.TwilioSignature;

/**
 * SignalWire's LaML (Twilio-compatible) messaging webhooks: inbound SMS at {@value #SMS_ROUTE}, status callbacks
 * at {@value #STATUS_ROUTE}. They are Twilio's forms, signed as Twilio signs them but with the project's signing
 * key, in {@value #HEADER} (SignalWire sends the same value in {@code X-Twilio-Signature} too, which is read when
 * its own header is absent). So the Twilio package's form routes do the work, with SignalWire's key and name.
 * Enabled by {@code SIGNALWIRE_SECRET_ID}.
 */
public final class SignalWireWebhooks extends TwilioFormProvider {
    public static final String NAME = "signalwire";
    public static final String SMS_ROUTE = "/signalwire/sms";
    public static final String STATUS_ROUTE = "/signalwire/status";
    public static final String HEADER = "X-SignalWire-Signature";
    public static final ProviderSetup SETUP = new ProviderSetup("SIGNALWIRE_SECRET_ID", SignalWireWebhooks::create);

    public SignalWireWebhooks(SecretSource<SignalWireCredentials> secret) {
        // SignalWire reads no connection overrides from the URL's fragment: it signs the URL as configured.
        super(NAME, secret, new TwilioSignature(secret, List.of(HEADER, TwilioSignature.HEADER), List.of("")),
                List.of(SMS_ROUTE), List.of(STATUS_ROUTE));
    }

    static WebhookProvider create(ProviderResources resources) {
        return new SignalWireWebhooks(new CachedSecret<>(resources.secrets(), resources.secretId(),
                resources.secretMaxAge(), resources.clock(), "a JSON object with projectId and signingKey",
                json -> new SignalWireCredentials(json.path("projectId").asText(null),
                        json.path("signingKey").asText(null))));
    }
}
