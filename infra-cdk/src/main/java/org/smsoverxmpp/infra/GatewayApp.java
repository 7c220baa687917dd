package org.smsoverxmpp.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/** The CDK app cdk.json runs: one stack, checked by cdk-nag's AwsSolutions pack. */
public final class GatewayApp {
    private GatewayApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        build(app, Path.of("").toAbsolutePath(), System.getenv());
        app.synth();
    }

    /**
     * @param artifactRoot the repository root, where the reactor left the deployment artifacts
     * @param env          the CDK CLI's environment: {@code CDK_DEFAULT_ACCOUNT} and {@code CDK_DEFAULT_REGION}
     *                     come from the caller's credentials and configured region
     */
    public static GatewayStack build(App app, Path artifactRoot, Map<String, String> env) {
        GatewaySettings settings = GatewaySettings.from(key -> app.getNode().tryGetContext(key), artifactRoot);
        StackProps.Builder props = StackProps.builder()
                .description("sms-over-xmpp: SMS/MMS for XMPP through " + settings.providers().titles());
        Optional<String> region = Optional.ofNullable(env.get("CDK_DEFAULT_REGION")).filter(r -> !r.isBlank());
        if (settings.vpcId().isPresent()) {
            // Looking up an existing VPC needs a concrete account and region.
            props.env(Environment.builder().account(env.get("CDK_DEFAULT_ACCOUNT")).region(region.orElse(null)).build());
        } else if (region.isPresent()) {
            // The region only, so synth can tell whether it offers what the stack uses (SnapStart); the account stays
            // open, and the template is the same for every account.
            props.env(Environment.builder().region(region.get()).build());
        }
        GatewayStack stack = new GatewayStack(app, "SmsOverXmpp", props.build(), settings);
        Aspects.of(app).add(new AwsSolutionsChecks());
        return stack;
    }
}
