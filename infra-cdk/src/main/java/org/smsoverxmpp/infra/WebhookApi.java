package org.smsoverxmpp.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * API Gateway (REST v1) with {@code POST /sms} and {@code POST /status} → the webhook Lambda (Java 21, arm64,
 * SnapStart on a published version behind the {@code live} alias).
 */
public final class WebhookApi extends Construct {
    public static final String STAGE = "prod";

    private final RestApi api;
    private final Function function;

    public WebhookApi(Construct scope, String id, GatewaySettings settings, IQueue queue, ISecret twilioSecret) {
        super(scope, id);
        RetentionDays retention = Retention.days(settings.logRetentionDays());
        LogGroup functionLogs = LogGroup.Builder.create(this, "FunctionLogs").retention(retention).build();
        function = Function.Builder.create(this, "Function")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler("org.smsoverxmpp.webhook.WebhookHandler::handleRequest")
                .code(Code.fromAsset(Artifacts.lambdaJar(settings.artifactRoot()).toString()))
                .memorySize(settings.lambdaMemoryMb())
                .timeout(Duration.seconds(15))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .logGroup(functionLogs)
                .environment(Map.of(
                        "QUEUE_URL", queue.getQueueUrl(),
                        "TWILIO_SECRET_ID", twilioSecret.getSecretArn(),
                        "POWERTOOLS_SERVICE_NAME", "sms-over-xmpp-webhook",
                        // Short-lived requests: the client compiler alone starts faster and is fast enough.
                        "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"))
                .build();
        // SnapStart applies to published versions: the alias below publishes one on every code change.
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "the API calls the 'live' alias of a published version");
        Alias live = Alias.Builder.create(this, "Live").aliasName("live").version(function.getCurrentVersion()).build();
        queue.grantSendMessages(function);
        twilioSecret.grantRead(function);

        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs").retention(retention).build();
        api = RestApi.Builder.create(this, "Resource")
                .restApiName("sms-over-xmpp-webhook")
                .description("Twilio webhooks for sms-over-xmpp")
                .endpointTypes(List.of(EndpointType.REGIONAL))
                .cloudWatchRole(false)
                .deployOptions(StageOptions.builder()
                        .stageName(STAGE)
                        // Twilio's own rate for one number is far below this; it caps abuse and cost.
                        .throttlingRateLimit(50).throttlingBurstLimit(100)
                        .loggingLevel(MethodLoggingLevel.OFF)
                        .accessLogDestination(new LogGroupLogDestination(accessLogs))
                        .accessLogFormat(AccessLogFormat.clf())
                        .build())
                .build();
        LambdaIntegration integration = new LambdaIntegration(live);
        api.getRoot().addResource("sms").addMethod("POST", integration);
        api.getRoot().addResource("status").addMethod("POST", integration);

        Suppressions.suppress(this, "AwsSolutions-IAM4", "AWSLambdaBasicExecutionRole only lets the function write its logs.",
                List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        Suppressions.suppress(this, "AwsSolutions-L1", "Java 21 is the gateway's chosen runtime (the build targets it).");
        Suppressions.suppress(api, "AwsSolutions-APIG2", "API Gateway cannot validate form bodies; the function checks the "
                + "Twilio signature, the account and every field, and answers 4xx with a reason.");
        Suppressions.suppress(api, "AwsSolutions-APIG3", "Every request must carry a valid Twilio HMAC signature; stage "
                + "throttling caps abuse. A WAF would cost more than the rest of the idle gateway.");
        Suppressions.suppress(api, "AwsSolutions-APIG4", "Twilio cannot sign with IAM or Cognito; requests are "
                + "authenticated by the X-Twilio-Signature HMAC, checked in the function, which fails closed.");
        Suppressions.suppress(api, "AwsSolutions-COG4", "Twilio cannot use Cognito; see APIG4.");
        Suppressions.suppress(api, "AwsSolutions-APIG6", "Access logs are on. Execution logs are off: with data tracing "
                + "they would record message bodies, which are private.");
    }

    /** The URL Twilio calls for {@code route} ("sms" or "status"). */
    public String url(String route) {
        return api.urlForPath("/" + route);
    }

    public RestApi api() {
        return api;
    }

    public Function function() {
        return function;
    }
}
