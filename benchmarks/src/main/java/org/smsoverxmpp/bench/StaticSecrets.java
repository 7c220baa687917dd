package org.smsoverxmpp.bench;

import java.util.function.Consumer;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/** A Secrets Manager that holds one Twilio secret in memory, so warm benchmarks measure our code, not the network. */
final class StaticSecrets implements SecretsManagerClient {
    static final String ACCOUNT = "AC33333333333333333333333333333333";
    static final String TOKEN = "benchmark-auth-token";

    /** The secret as the stack stores it in Secrets Manager. */
    static String secretJson() {
        return "{\"accountSid\":\"" + ACCOUNT + "\",\"authToken\":\"" + TOKEN + "\"}";
    }

    @Override
    public GetSecretValueResponse getSecretValue(Consumer<GetSecretValueRequest.Builder> request) {
        return GetSecretValueResponse.builder().secretString(secretJson()).build();
    }

    @Override
    public String serviceName() {
        return "secretsmanager";
    }

    @Override
    public void close() {
    }
}
