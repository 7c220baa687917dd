package org.smsoverxmpp.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * Three secrets, each read by one side only: the webhook's auth token (the Lambda checks signatures with it),
 * the bridge's API key (it sends with it) and the component secret (the bridge's XMPP handshake). The stack
 * creates them without real values; the operator fills in Twilio's (the stack outputs say how) and copies the
 * generated component secret into the XMPP server's config.
 *
 * <p>Kept when the stack is deleted or replaces them, so credentials outlive a mistaken {@code cdk destroy};
 * but deleted when the stack's first create fails, so the next {@code cdk deploy} does not meet a secret of
 * the same name ({@code DeletionPolicy: RetainExceptOnCreate}).
 */
public final class GatewaySecrets extends Construct {
    /** JSON {@code {"accountSid","authToken"}}: read only by the webhook Lambda. */
    public static final String TWILIO_WEBHOOK = "sms-over-xmpp/twilio/webhook";
    /** JSON {@code {"accountSid","apiKeySid","apiKeySecret"}}: read only by the bridge. */
    public static final String TWILIO_API = "sms-over-xmpp/twilio/api";
    public static final String COMPONENT = "sms-over-xmpp/component";

    private final ISecret twilioWebhook;
    private final ISecret twilioApi;
    private final ISecret component;

    public GatewaySecrets(Construct scope, String id, boolean rehearsal) {
        super(scope, id);
        if (rehearsal) {
            // The emulator's CloudFormation has no AWS::SecretsManager::Secret: bin/rehearse-deploy creates these
            // names through the API first, and the stack refers to them.
            twilioWebhook = Secret.fromSecretNameV2(this, "TwilioWebhook", TWILIO_WEBHOOK);
            twilioApi = Secret.fromSecretNameV2(this, "TwilioApi", TWILIO_API);
            component = Secret.fromSecretNameV2(this, "Component", COMPONENT);
            return;
        }
        twilioWebhook = secret("TwilioWebhook", TWILIO_WEBHOOK,
                "Twilio account SID and auth token, to check webhook signatures. Fill in after deploy.",
                SecretStringGenerator.builder().secretStringTemplate("{\"accountSid\":\"AC-fill-me-in\"}")
                        // A random placeholder: until the real token is set, no forged webhook can match it.
                        .generateStringKey("authToken").excludePunctuation(true).passwordLength(32).build());
        twilioApi = secret("TwilioApi", TWILIO_API,
                "Twilio account SID and API key (SID and secret), to send SMS. Fill in after deploy.",
                SecretStringGenerator.builder()
                        .secretStringTemplate("{\"accountSid\":\"AC-fill-me-in\",\"apiKeySid\":\"SK-fill-me-in\"}")
                        // Random rather than a literal, so no credential-shaped value sits in the template.
                        .generateStringKey("apiKeySecret").excludePunctuation(true).passwordLength(32).build());
        component = secret("Component", COMPONENT,
                "XEP-0114 component secret; put the same value in the XMPP server's component config.",
                SecretStringGenerator.builder().excludePunctuation(true).passwordLength(40).build());
    }

    /** An existing secret, by name or by complete ARN (validated by {@link GatewaySettings}). */
    static ISecret existing(Construct scope, String id, String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? Secret.fromSecretCompleteArn(scope, id, nameOrArn)
                : Secret.fromSecretNameV2(scope, id, nameOrArn);
    }

    private Secret secret(String id, String name, String description, SecretStringGenerator value) {
        Secret secret = Secret.Builder.create(this, id).secretName(name).description(description)
                .generateSecretString(value).removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE).build();
        Suppressions.suppress(secret, "AwsSolutions-SMG4", "Twilio credentials and the component secret are rotated by "
                + "the operator in Twilio and the XMPP server; Secrets Manager cannot rotate them on its own.");
        return secret;
    }

    public ISecret twilioWebhook() {
        return twilioWebhook;
    }

    public ISecret twilioApi() {
        return twilioApi;
    }

    public ISecret component() {
        return component;
    }
}
