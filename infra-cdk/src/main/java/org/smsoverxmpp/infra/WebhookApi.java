package org.smsoverxmpp.infra;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigateway.EndpointType;
import software.amazon.awscdk.services.apigateway.GatewayResponseOptions;
import software.amazon.awscdk.services.apigateway.LambdaIntegration;
import software.amazon.awscdk.services.apigateway.LambdaIntegrationOptions;
import software.amazon.awscdk.services.apigateway.LogGroupLogDestination;
import software.amazon.awscdk.services.apigateway.Method;
import software.amazon.awscdk.services.apigateway.MethodLoggingLevel;
import software.amazon.awscdk.services.apigateway.ResponseType;
import software.amazon.awscdk.services.apigateway.RestApi;
import software.amazon.awscdk.services.apigateway.StageOptions;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * API Gateway (REST v1), stage {@value #STAGE}: the routes the deployed providers post to, throttled, with access
 * logs. Every answer API Gateway gives on its own when it cannot pass a request on is a 5xx, which they retry.
 */
public final class WebhookApi extends Construct {
    public static final String STAGE = "prod";
    /**
     * API Gateway's own refusals that must not lose an SMS. Twilio retries only what the webhook URL's
     * {@code rp=ct,rt,5xx} names: connect and read timeouts and 5xx; throttling's 429 would be final (Telnyx and
     * SignalWire retry any failure, so a 5xx serves them too). The
     * integration failures are 504 by default; pinned here so no later change turns them into a 4xx. (A Lambda
     * that is itself throttled or fails already gives 500 or 502.)
     */
    public static final List<ResponseType> RETRIED = List.of(ResponseType.THROTTLED, ResponseType.QUOTA_EXCEEDED,
            ResponseType.INTEGRATION_FAILURE, ResponseType.INTEGRATION_TIMEOUT);
    public static final String RETRIED_STATUS = "503";

    private final RestApi api;
    private final String baseUrl;

    public WebhookApi(Construct scope, String id, GatewaySettings settings) {
        super(scope, id);
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(Retention.days(settings.logRetentionDays()))
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE).build();
        RestApi.Builder builder = RestApi.Builder.create(this, "Resource")
                .restApiName("sms-over-xmpp-webhook")
                .description(settings.providers().titles() + " webhooks for sms-over-xmpp")
                .endpointTypes(List.of(EndpointType.REGIONAL))
                .deployOptions(StageOptions.builder()
                        .stageName(STAGE)
                        // A provider's own rate for one number is far below this; it caps abuse and cost.
                        .throttlingRateLimit(50).throttlingBurstLimit(100)
                        .loggingLevel(MethodLoggingLevel.OFF)
                        .accessLogDestination(new LogGroupLogDestination(accessLogs))
                        .accessLogFormat(AccessLogFormat.clf())
                        .build());
        if (settings.apiGatewayCloudWatchRole()) {
            // Access logs need a CloudWatch role in the account's API Gateway settings, which a new account lacks.
            // Those settings are one per account and region (AWS::ApiGateway::Account): deploying replaces whatever
            // role was there with this one, which may write any API's logs, so other APIs keep logging. Retained on
            // delete, so they still do after `cdk destroy`; removed if the first create fails. Opt out with
            // -c apiGatewayCloudWatchRole=false when the account's role is managed elsewhere.
            builder.cloudWatchRole(true).cloudWatchRoleRemovalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE);
        } else {
            builder.cloudWatchRole(false);
        }
        api = builder.build();
        for (ResponseType type : RETRIED) {
            api.addGatewayResponse("Retry" + type.getResponseType(), GatewayResponseOptions.builder().type(type)
                    .statusCode(RETRIED_STATUS)
                    .templates(Map.of("application/json", "{\"message\":\"busy, retry\"}")).build());
        }
        // Built from the API's id, not its stage: the function reads this URL, and the stage depends on the function.
        Stack stack = Stack.of(this);
        baseUrl = settings.webhookBaseUrl().orElse("https://" + api.getRestApiId() + ".execute-api." + stack.getRegion()
                + "." + stack.getUrlSuffix() + "/" + STAGE);

        Suppressions.suppress(this, "AwsSolutions-IAM4", "API Gateway's account-wide logging role must be able to "
                + "write the logs of every API in the region; AmazonAPIGatewayPushToCloudWatchLogs is AWS's policy for "
                + "exactly that role.",
                List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"));
        // The reasons name the deployed providers. CDK hashes the API's metadata into its deployment's id, so
        // Twilio's texts are the ones from before providers were a choice: a Twilio stack then updates unchanged.
        List<Provider> providers = settings.providers().list();
        Suppressions.suppress(api, "AwsSolutions-APIG2", "API Gateway cannot validate "
                + Provider.join(providers.stream().map(p -> p.signing().body()).toList(), "or") + " bodies; the "
                + "function checks the " + settings.providers().titles() + " signature" + (providers.size() > 1 ? "s" : "")
                + ", the account and every field, and answers 4xx with a reason.");
        Suppressions.suppress(api, "AwsSolutions-APIG3", "Every request must carry a valid "
                + Provider.join(providers.stream().map(p -> p.signing().signature()).toList(), "or")
                + "; stage throttling caps abuse. A WAF would cost more than the rest of the idle gateway.");
        Suppressions.suppress(api, "AwsSolutions-APIG6", "Access logs are on. Execution logs are off: with data tracing "
                + "they would record message bodies, which are private.");
    }

    /**
     * {@code POST /<route>} → {@code handler}, called through API Gateway's Lambda proxy integration, for
     * {@code provider}'s webhooks. A route may have several parts ({@code telnyx/events}); those sharing a first part
     * share its resource.
     */
    public void route(String route, IFunction handler, Provider provider) {
        // No test-invoke permission: nobody calls the function from the console's test button. resourceForPath gives
        // a one-part route the construct id addResource did, so the routes deployed before keep their logical ids.
        Method method = api.getRoot().resourceForPath(route).addMethod("POST",
                new LambdaIntegration(handler, LambdaIntegrationOptions.builder().allowTestInvoke(false).build()));
        Suppressions.suppress(method, "AwsSolutions-APIG4", provider.title() + " cannot sign with IAM or Cognito; "
                + "requests are authenticated by " + provider.signing().authenticatedBy() + ", checked in the function, "
                + "which fails closed.");
        Suppressions.suppress(method, "AwsSolutions-COG4", provider.title() + " cannot use Cognito; see APIG4.");
    }

    /**
     * The URL the providers are configured with, without the route: {@code -c webhookBaseUrl} behind a custom domain,
     * otherwise the stage's own URL.
     */
    public String baseUrl() {
        return baseUrl;
    }

    /** The URL a provider calls for {@code route}, e.g. {@code telnyx/events}. */
    public String url(String route) {
        return baseUrl + "/" + route;
    }

    public RestApi api() {
        return api;
    }
}
