package org.smsoverxmpp.webhook.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A provider's webhook secret from Secrets Manager, a JSON object, cached and re-read after {@code maxAge} so a
 * rotated key is picked up without a redeploy.
 *
 * @param <T> what the secret's JSON is read into, by the provider's {@link Reader}
 */
public class CachedSecret<T> implements SecretSource<T> {
    private final SecretsManagerClient secrets;
    private final String secretId;
    private final Duration maxAge;
    private final Clock clock;
    private final String shape;
    private final Reader<T> reader;
    private final ObjectMapper json = new ObjectMapper();

    private volatile T current;
    private volatile Instant readAt = Instant.MIN;

    /**
     * @param shape  what the secret must be, for the error that says it is not, e.g. "a JSON object with
     *               accountSid and authToken"
     * @param reader the JSON into a key; throws {@link IllegalArgumentException} naming the field that is wrong
     */
    public CachedSecret(SecretsManagerClient secrets, String secretId, Duration maxAge, Clock clock, String shape,
            Reader<T> reader) {
        this.secrets = secrets;
        this.secretId = secretId;
        this.maxAge = maxAge;
        this.clock = clock;
        this.shape = shape;
        this.reader = reader;
    }

    @Override
    public T current() throws UnavailableException {
        return refreshIfOlderThan(maxAge);
    }

    @Override
    public synchronized T refreshIfOlderThan(Duration age) throws UnavailableException {
        Instant now = clock.instant();
        // Not after: an age of zero re-reads now, even on a clock that has not moved.
        if (current == null || !readAt.plus(age).isAfter(now)) {
            current = read();
            readAt = now;
        }
        return current;
    }

    public String secretId() {
        return secretId;
    }

    private T read() throws UnavailableException {
        String text;
        try {
            text = secrets.getSecretValue(r -> r.secretId(secretId)).secretString();
        } catch (SdkException e) {
            throw new UnavailableException("Secrets Manager did not return " + secretId + ": " + e.getMessage(), e);
        }
        if (text == null) {
            throw new IllegalStateException("secret " + secretId + " has no SecretString");
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (IOException e) {
            // The message of a JSON error can quote the secret; say only what is wrong.
            throw new IllegalStateException("secret " + secretId + " is not " + shape);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalStateException("secret " + secretId + " is not " + shape);
        }
        try {
            return reader.read(node);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("secret " + secretId + ": " + e.getMessage());
        }
    }

    /** Reads a provider's key out of its secret's JSON object. */
    @FunctionalInterface
    public interface Reader<T> {
        /** @throws IllegalArgumentException naming what is wrong, never quoting the secret */
        T read(JsonNode json);
    }

    /**
     * Secrets Manager failed or timed out: the key could not be checked now, which is no reason to refuse the
     * request for good (a 4xx, which providers do not retry).
     */
    public static class UnavailableException extends Exception {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
