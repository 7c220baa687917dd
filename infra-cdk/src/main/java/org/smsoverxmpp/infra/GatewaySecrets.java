package org.smsoverxmpp.infra;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The secrets, each read by one side only: for each provider deployed, its webhook secret (the Lambda checks
 * signatures with it) and its API secret (the bridge sends with it); and the component secret (the bridge's XMPP
 * handshake). The stack creates them without real values; the operator fills in the providers' (the stack outputs
 * say how) and copies the generated component secret into the XMPP server's config.
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

    private final Map<Provider, ISecret> webhook = new EnumMap<>(Provider.class);
    private final Map<Provider, ISecret> api = new EnumMap<>(Provider.class);
    private final ISecret component;
    /** For the rotation reason: "Twilio", as it was before providers were a choice. */
    private final List<Provider> providers;

    public GatewaySecrets(Construct scope, String id, List<Provider> providers, boolean rehearsal) {
        super(scope, id);
        this.providers = List.copyOf(providers);
        // The construct ids are the ones Twilio's secrets always had (TwilioWebhook, TwilioApi), so an existing
        // stack keeps its secrets.
        for (Provider provider : providers) {
            if (rehearsal) {
                // The emulator's CloudFormation has no AWS::SecretsManager::Secret: bin/rehearse-deploy creates these
                // names through the API first, and the stack refers to them.
                webhook.put(provider, Secret.fromSecretNameV2(this, provider.title() + "Webhook",
                        provider.webhookSecretName()));
                api.put(provider, Secret.fromSecretNameV2(this, provider.title() + "Api", provider.apiSecretName()));
            } else {
                webhook.put(provider, secret(provider.title() + "Webhook", provider.webhookSecretName(),
                        provider.webhookSecret()));
                api.put(provider, secret(provider.title() + "Api", provider.apiSecretName(), provider.apiSecret()));
            }
        }
        component = rehearsal ? Secret.fromSecretNameV2(this, "Component", COMPONENT)
                : secret("Component", COMPONENT,
                        "XEP-0114 component secret; put the same value in the XMPP server's component config.",
                        SecretStringGenerator.builder().excludePunctuation(true).passwordLength(40).build());
    }

    /** An existing secret, by name or by complete ARN (validated by {@link GatewaySettings}). */
    static ISecret existing(Construct scope, String id, String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? Secret.fromSecretCompleteArn(scope, id, nameOrArn)
                : Secret.fromSecretNameV2(scope, id, nameOrArn);
    }

    /**
     * The key the operator must fill in is generated at random: until the real value is set, no forged webhook can
     * match it, and no credential-shaped literal sits in the template.
     */
    private Secret secret(String id, String name, Provider.SecretSpec spec) {
        return secret(id, name, spec.description(), SecretStringGenerator.builder()
                .secretStringTemplate(spec.template()).generateStringKey(spec.generatedKey())
                .excludePunctuation(true).passwordLength(32).build());
    }

    private Secret secret(String id, String name, String description, SecretStringGenerator value) {
        Secret secret = Secret.Builder.create(this, id).secretName(name).description(description)
                .generateSecretString(value).removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE).build();
        Suppressions.suppress(secret, "AwsSolutions-SMG4", Provider.titles(providers) + " credentials and the component "
                + "secret are rotated by the operator in " + Provider.join(providers.stream().map(Provider::title).toList(),
                "or") + " and the XMPP server; Secrets Manager cannot rotate them on its own.");
        return secret;
    }

    /** The webhook secret of {@code provider}, which must be deployed. */
    public ISecret webhook(Provider provider) {
        return Objects.requireNonNull(webhook.get(provider), () -> provider + " is not deployed");
    }

    /** The API secret of {@code provider}, which must be deployed. */
    public ISecret api(Provider provider) {
        return Objects.requireNonNull(api.get(provider), () -> provider + " is not deployed");
    }

    public ISecret component() {
        return component;
    }
}
