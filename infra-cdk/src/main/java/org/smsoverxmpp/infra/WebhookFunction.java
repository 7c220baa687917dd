package org.smsoverxmpp.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The webhook Lambda (Java 21, arm64, SnapStart on a published version behind the {@code live} alias). Its
 * role may write its own log group, send to the events queue and read the deployed providers' webhook secrets:
 * nothing else.
 */
public final class WebhookFunction extends Construct {
    public static final String ALIAS = "live";
    /** Lambda's switch for the Log4Shell hot patch of its java21 runtime. */
    static final String DISABLE_LOG4J_PATCH = "AWS_LAMBDA_DISABLE_CVE_2021_44228_PROTECTION";

    private final Function function;
    private final IFunction live;

    /**
     * @param webhookSecrets each deployed provider's webhook secret, in the order deployed; the function enables
     *                       exactly these providers
     * @param publicBaseUrl  the URL the providers are configured with, minus the route: signatures over the URL are
     *                       checked against it
     */
    public WebhookFunction(Construct scope, String id, GatewaySettings settings, IQueue queue,
            Map<Provider, ISecret> webhookSecrets, String publicBaseUrl) {
        super(scope, id);
        // SnapStart snapshots published versions, which the rehearsal's emulator cannot refer to (see below).
        boolean snapStart = settings.snapStart() && !settings.rehearsal();
        LogGroup logs = LogGroup.Builder.create(this, "Logs").retention(Retention.days(settings.logRetentionDays()))
                .removalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE).build();
        // Not AWSLambdaBasicExecutionRole: that may create and write every log group in the account.
        Role role = Role.Builder.create(this, "Role").assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("sms-over-xmpp webhook: its own logs, the events queue, the webhook's "
                        + Provider.titles(List.copyOf(webhookSecrets.keySet()))
                        + (webhookSecrets.size() == 1 ? " secret" : " secrets")).build();
        logs.grantWrite(role);
        function = Function.Builder.create(this, "Resource")
                .runtime(Runtime.JAVA_21)
                .architecture(Architecture.ARM_64)
                .handler("org.smsoverxmpp.webhook.WebhookHandler::handleRequest")
                .code(Code.fromAsset(Artifacts.lambdaJar(settings.artifactRoot()).toString()))
                .memorySize(settings.lambdaMemoryMb())
                .timeout(Duration.seconds(15))
                .snapStart(snapStart ? SnapStartConf.ON_PUBLISHED_VERSIONS : null)
                .role(role)
                .logGroup(logs)
                // The function writes JSON lines itself; in Lambda's JSON format its own lines (START, REPORT with
                // the init duration) are JSON too. The function filters by LOG_LEVEL, so Lambda passes every level.
                .loggingFormat(LoggingFormat.JSON)
                .applicationLogLevelV2(ApplicationLogLevel.TRACE)
                .systemLogLevelV2(SystemLogLevel.INFO)
                // No JAVA_TOOL_OPTIONS: Lambda's java21 runtime already stops at the client compiler (C1).
                .environment(environment(queue, webhookSecrets, publicBaseUrl))
                .build();
        if (snapStart) {
            // SnapStart applies to published versions: the alias below publishes one on every code change.
            Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                    "the API calls the '" + ALIAS + "' alias of a published version");
            SnapStartRegions.check(function, Stack.of(this).getRegion());
        }
        // The rehearsal's emulator has no AWS::Lambda::Alias and cannot refer to a version: there the API calls
        // the function itself.
        live = settings.rehearsal() ? function
                : Alias.Builder.create(this, "Live").aliasName(ALIAS).version(function.getCurrentVersion()).build();
        queue.grantSendMessages(role);
        // Only the webhook secrets: the bridge's API secrets and the component secret are no business of the webhook.
        webhookSecrets.values().forEach(secret -> secret.grantRead(role));

        Suppressions.suppress(this, "AwsSolutions-L1", "Java 21 is the gateway's chosen runtime (the build targets it).");
    }

    /** A provider is enabled in the function by its secret's variable, so only the deployed ones are set. */
    private static Map<String, String> environment(IQueue queue, Map<Provider, ISecret> webhookSecrets,
            String publicBaseUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUEUE_URL", queue.getQueueUrl());
        webhookSecrets.forEach((provider, secret) -> env.put(provider.lambdaSecretVariable(), secret.getSecretArn()));
        env.put("PUBLIC_BASE_URL", publicBaseUrl);
        // The package ships no Log4j (its build refuses it), so the runtime's Log4Shell patch, a Java agent that
        // costs every cold start, has nothing to protect.
        env.put(DISABLE_LOG4J_PATCH, "true");
        return env;
    }

    public Function function() {
        return function;
    }

    /** The published version the API calls, through the {@value #ALIAS} alias. */
    public IFunction live() {
        return live;
    }
}
