package org.smsoverxmpp.webhook.twilio;

import java.time.Clock;
import java.time.Duration;
import org.smsoverxmpp.webhook.secrets.CachedSecret;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The Twilio webhook secret ({@code sms-over-xmpp/twilio/webhook}), cached: a JSON object with at least
 * {@code accountSid} and {@code authToken} (the same secret may also hold the bridge's API key).
 */
public class TwilioSecret extends CachedSecret<TwilioCredentials> {

    public TwilioSecret(SecretsManagerClient secrets, String secretId, Duration maxAge, Clock clock) {
        super(secrets, secretId, maxAge, clock, "a JSON object with accountSid and authToken",
                json -> new TwilioCredentials(json.path("accountSid").asText(null), json.path("authToken").asText(null)));
    }
}
