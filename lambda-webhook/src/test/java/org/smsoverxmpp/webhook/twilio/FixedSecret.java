package org.smsoverxmpp.webhook.twilio;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/** A Secrets Manager that holds one secret string, changeable to simulate rotation. */
public final class FixedSecret implements SecretsManagerClient {
    public volatile String value;
    /** While set, every read fails as an outage would. */
    public volatile boolean down;
    public final AtomicInteger reads = new AtomicInteger();

    public FixedSecret(String accountSid, String authToken) {
        this.value = json(accountSid, authToken);
    }

    public static String json(String accountSid, String authToken) {
        return "{\"accountSid\":\"" + accountSid + "\",\"authToken\":\"" + authToken + "\"}";
    }

    @Override
    public GetSecretValueResponse getSecretValue(Consumer<GetSecretValueRequest.Builder> request) {
        reads.incrementAndGet();
        if (down) {
            throw SdkClientException.create("Unable to execute HTTP request: Read timed out");
        }
        return GetSecretValueResponse.builder().secretString(value).build();
    }

    @Override
    public String serviceName() {
        return "secretsmanager";
    }

    @Override
    public void close() {
    }
}
