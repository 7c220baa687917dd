package org.smsoverxmpp.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.nio.file.Path;
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
        build(app, Path.of("").toAbsolutePath());
        app.synth();
    }

    /** @param artifactRoot the repository root, where the reactor left the deployment artifacts */
    public static GatewayStack build(App app, Path artifactRoot) {
        GatewaySettings settings = GatewaySettings.from(key -> app.getNode().tryGetContext(key), artifactRoot);
        StackProps.Builder props = StackProps.builder()
                .description("sms-over-xmpp: SMS/MMS for XMPP through Twilio");
        if (settings.vpcId().isPresent()) {
            // Looking up an existing VPC needs a concrete account and region; everything else is environment-agnostic.
            props.env(Environment.builder().account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                    .region(System.getenv("CDK_DEFAULT_REGION")).build());
        }
        GatewayStack stack = new GatewayStack(app, "SmsOverXmpp", props.build(), settings);
        Aspects.of(app).add(new AwsSolutionsChecks());
        return stack;
    }
}
