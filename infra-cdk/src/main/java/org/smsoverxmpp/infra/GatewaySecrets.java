package org.smsoverxmpp.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The Twilio secret (account SID, auth token, API key) and the component secret. The stack creates them
 * without real values; the operator fills in Twilio's (the stack output says how) and copies the generated
 * component secret into the XMPP server's config.
 */
public final class GatewaySecrets extends Construct {
    public static final String TWILIO = "sms-over-xmpp/twilio";
    public static final String COMPONENT = "sms-over-xmpp/component";

    private final Secret twilio;
    private final Secret component;

    public GatewaySecrets(Construct scope, String id) {
        super(scope, id);
        twilio = Secret.Builder.create(this, "Twilio")
                .secretName(TWILIO)
                .description("Twilio account SID, auth token (webhook signatures) and API key (sending). Fill in after deploy.")
                .generateSecretString(SecretStringGenerator.builder()
                        .secretStringTemplate("{\"accountSid\":\"AC-fill-me-in\",\"apiKeySid\":\"SK-fill-me-in\","
                                + "\"apiKeySecret\":\"fill-me-in\"}")
                        // A random placeholder: until the real token is set, no forged webhook can match it.
                        .generateStringKey("authToken").excludePunctuation(true).passwordLength(32).build())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        component = Secret.Builder.create(this, "Component")
                .secretName(COMPONENT)
                .description("XEP-0114 component secret; put the same value in the XMPP server's component config.")
                .generateSecretString(SecretStringGenerator.builder().excludePunctuation(true).passwordLength(40).build())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        String reason = "Twilio credentials and the component secret are rotated by the operator in Twilio and the "
                + "XMPP server; Secrets Manager cannot rotate them on its own.";
        Suppressions.suppress(twilio, "AwsSolutions-SMG4", reason);
        Suppressions.suppress(component, "AwsSolutions-SMG4", reason);
    }

    public Secret twilio() {
        return twilio;
    }

    public Secret component() {
        return component;
    }
}
