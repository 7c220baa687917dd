package org.smsoverxmpp.webhook.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The Twilio secret from Secrets Manager, cached and re-read after {@code maxAge} so a rotated auth token
 * is picked up without a redeploy. The secret is a JSON object with at least {@code accountSid} and
 * {@code authToken} (the same secret also holds the bridge's API key).
 */
public class TwilioSecret {
    private final SecretsManagerClient secrets;
    private final String secretId;
    private final Duration maxAge;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    private volatile TwilioCredentials current;
    private volatile Instant readAt = Instant.MIN;

    public TwilioSecret(SecretsManagerClient secrets, String secretId, Duration maxAge, Clock clock) {
        this.secrets = secrets;
        this.secretId = secretId;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The cached credentials, re-read when older than the configured age. */
    public TwilioCredentials current() throws UnavailableException {
        return refreshIfOlderThan(maxAge);
    }

    /**
     * Re-reads the secret if the cached copy is older than {@code age}. A failed signature calls this with a
     * short age: the token may just have been rotated, and the short age bounds how often forged requests
     * can make us call Secrets Manager.
     */
    public synchronized TwilioCredentials refreshIfOlderThan(Duration age) throws UnavailableException {
        Instant now = clock.instant();
        if (current == null || readAt.plus(age).isBefore(now)) {
            current = read();
            readAt = now;
        }
        return current;
    }

    private TwilioCredentials read() throws UnavailableException {
        String text;
        try {
            text = secrets.getSecretValue(r -> r.secretId(secretId)).secretString();
        } catch (SdkException e) {
            throw new UnavailableException("Secrets Manager did not return " + secretId + ": " + e.getMessage(), e);
        }
        if (text == null) {
            throw new IllegalStateException("secret " + secretId + " has no SecretString");
        }
        try {
            JsonNode node = json.readTree(text);
            return new TwilioCredentials(node.path("accountSid").asText(null), node.path("authToken").asText(null));
        } catch (IOException e) {
            // The message of a JSON error can quote the secret; say only what is wrong.
            throw new IllegalStateException("secret " + secretId + " is not a JSON object with accountSid and authToken");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("secret " + secretId + ": " + e.getMessage());
        }
    }

    /**
     * Secrets Manager failed or timed out: the token could not be checked now, which is no reason to refuse
     * the request for good (a 4xx, which Twilio never retries).
     */
    public static class UnavailableException extends Exception {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
