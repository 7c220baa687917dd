package org.smsoverxmpp.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The synthesized template has the shape the design card asks for. */
class GatewayStackTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Map<String, Object> CONTEXT = Map.of("xmppHost", "xmpp.example.com", "componentDomain", "sms.example.com");

    static GatewayStack stack;
    static Template template;

    static GatewayStack synth(Map<String, Object> context) {
        return GatewayApp.build(new App(AppProps.builder().context(context).build()), ROOT);
    }

    @BeforeAll
    static void synthesize() {
        stack = synth(CONTEXT);
        template = Template.fromStack(stack);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> resources(String type) {
        return (Map<String, Map<String, Object>>) (Map<String, ?>) template.findResources(type);
    }

    @Test
    void noNatGatewayAndOnlyPublicSubnets() {
        template.resourceCountIs("AWS::EC2::NatGateway", 0);
        template.resourceCountIs("AWS::EC2::Subnet", 2);
        template.hasResourceProperties("AWS::EC2::Subnet", Map.of("MapPublicIpOnLaunch", true));
    }

    @Test
    void fifoQueueWithBoundedDeadLetterQueueEncryptedAndTlsOnly() {
        template.hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of(
                "QueueName", "sms-over-xmpp-events.fifo",
                "FifoQueue", true,
                "ContentBasedDeduplication", false,
                "SqsManagedSseEnabled", true,
                "RedrivePolicy", Match.objectLike(Map.of("maxReceiveCount", 5)))));
        template.hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of(
                "QueueName", "sms-over-xmpp-events-dlq.fifo", "FifoQueue", true)));
        template.resourceCountIs("AWS::SQS::QueuePolicy", 2);
        template.hasResourceProperties("AWS::SQS::QueuePolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(
                Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
    }

    @Test
    void webhookIsJava21Arm64WithSnapStartBehindAnAlias() {
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "Runtime", "java21",
                "Architectures", List.of("arm64"),
                "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                "Handler", "org.smsoverxmpp.webhook.WebhookHandler::handleRequest")));
        template.resourceCountIs("AWS::Lambda::Version", 1);
        template.hasResourceProperties("AWS::Lambda::Alias", Match.objectLike(Map.of("Name", "live")));
        template.resourceCountIs("AWS::ApiGateway::RestApi", 1);
        template.resourceCountIs("AWS::ApiGateway::Method", 2);
        template.hasResourceProperties("AWS::ApiGateway::Method", Match.objectLike(Map.of("HttpMethod", "POST")));
        template.hasResourceProperties("AWS::ApiGateway::Stage", Match.objectLike(Map.of("StageName", "prod",
                "MethodSettings", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "ThrottlingRateLimit", 50, "ThrottlingBurstLimit", 100)))))));
    }

    @Test
    void mappingsTableIsOnDemandRecoverableAndRetained() {
        template.hasResource("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                "DeletionPolicy", "Retain",
                "Properties", Match.objectLike(Map.of(
                        "TableName", "sms-over-xmpp-mappings",
                        "BillingMode", "PAY_PER_REQUEST",
                        "DeletionProtectionEnabled", true,
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                        "GlobalSecondaryIndexes", Match.arrayWith(List.of(Match.objectLike(Map.of("IndexName", "byNumber")))))))));
    }

    @Test
    void sentMessagesExpireThroughTtl() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                "TableName", "sms-over-xmpp-sent",
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true))));
        template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Action", List.of("dynamodb:BatchWriteItem", "dynamodb:PutItem", "dynamodb:GetItem"))))))))));
    }

    @Test
    void mediaAreReadableByUrlOnlyAndExpire() {
        template.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                        "Prefix", "media/", "ExpirationInDays", MediaBucket.LIFETIME_DAYS, "Status", "Enabled")))),
                "PublicAccessBlockConfiguration", Match.objectLike(Map.of("BlockPublicAcls", true, "IgnorePublicAcls", true)))));
        template.hasResourceProperties("AWS::S3::BucketPolicy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(
                Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Allow", "Principal", Map.of("AWS", "*"), "Action", "s3:GetObject")))))))));
        template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Action", "s3:PutObject")))))))));
    }

    @Test
    void bridgeIsOneSmallArmTaskThatNeverOverlapsItself() {
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
                "Cpu", "256", "Memory", "512",
                "RuntimePlatform", Map.of("CpuArchitecture", "ARM64", "OperatingSystemFamily", "LINUX"))));
        template.hasResourceProperties("AWS::ECS::Service", Match.objectLike(Map.of(
                "DesiredCount", 1,
                "DeploymentConfiguration", Match.objectLike(Map.of(
                        "MinimumHealthyPercent", 0, "MaximumPercent", 100,
                        "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true))),
                "NetworkConfiguration", Map.of("AwsvpcConfiguration", Match.objectLike(Map.of("AssignPublicIp", "ENABLED"))))));
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of("ContainerDefinitions",
                Match.arrayWith(List.of(Match.objectLike(Map.of("HealthCheck", Match.objectLike(Map.of(
                        "Command", Match.arrayWith(List.of("CMD-SHELL")))))))))));
    }

    @Test
    void bridgeSecurityGroupHasNoInboundRules() {
        resources("AWS::EC2::SecurityGroup").values().forEach(sg ->
                assertThat(((Map<?, ?>) sg.get("Properties")).containsKey("SecurityGroupIngress")).isFalse());
        template.resourceCountIs("AWS::EC2::SecurityGroupIngress", 0);
    }

    @Test
    void secretsReachTheBridgeAsEcsSecretsNeverAsPlainEnvironment() {
        Map<String, Object> container = container();
        List<String> environment = names(container.get("Environment"));
        List<String> secrets = names(container.get("Secrets"));

        assertThat(secrets).containsExactlyInAnyOrder("COMPONENT_SECRET", "TWILIO_ACCOUNT_SID", "TWILIO_API_KEY_SID",
                "TWILIO_API_KEY_SECRET");
        assertThat(environment).noneMatch(name -> name.contains("SECRET") || name.contains("TOKEN") || name.contains("PASSWORD"));
        assertThat(environment).contains("XMPP_HOST", "COMPONENT_DOMAIN", "QUEUE_URL", "MAPPINGS_TABLE", "SENT_TABLE",
                "MEDIA_BUCKET");
        template.resourceCountIs("AWS::SecretsManager::Secret", 2);
    }

    @Test
    void noIamStatementUsesAWildcardAction() {
        List<String> actions = new ArrayList<>();
        for (Map<String, Object> policy : resources("AWS::IAM::Policy").values()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> document = (Map<String, Object>) ((Map<String, Object>) policy.get("Properties")).get("PolicyDocument");
            for (Object statement : (List<?>) document.get("Statement")) {
                Object action = ((Map<?, ?>) statement).get("Action");
                if (action instanceof List<?> list) {
                    list.forEach(a -> actions.add(a.toString()));
                } else {
                    actions.add(String.valueOf(action));
                }
            }
        }
        assertThat(actions).isNotEmpty().noneMatch(a -> a.contains("*"));
    }

    @Test
    void bridgeReadsOnlyWhatItNeedsFromTheTable() {
        template.hasResourceProperties("AWS::IAM::Policy", Match.objectLike(Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Action", "dynamodb:GetItem")),
                        Match.objectLike(Map.of("Action", "dynamodb:Query")))))))));
    }

    @Test
    void cdkNagFindsNoUnsuppressedErrorsOrWarnings() {
        assertThat(Annotations.fromStack(stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
        assertThat(Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
        assertThat(Annotations.fromStack(stack).findError("*", Match.anyValue())).isEmpty();
    }

    @Test
    void everySuppressionCarriesAWrittenReason() {
        List<String> reasons = new ArrayList<>();
        template.toJSON().forEach((section, value) -> {
            if (section.equals("Resources")) {
                ((Map<?, ?>) value).values().forEach(resource -> {
                    Object metadata = ((Map<?, ?>) resource).get("Metadata");
                    if (metadata instanceof Map<?, ?> m && m.get("cdk_nag") instanceof Map<?, ?> nag) {
                        ((List<?>) nag.get("rules_to_suppress")).forEach(rule -> reasons.add(String.valueOf(((Map<?, ?>) rule).get("reason"))));
                    }
                });
            }
        });
        assertThat(reasons).isNotEmpty().allMatch(reason -> reason.length() >= 30);
    }

    @Test
    void alarmsCoverDeadLettersDisconnectsAndWebhookErrors() {
        template.resourceCountIs("AWS::CloudWatch::Alarm", 4);
        template.hasResourceProperties("AWS::Logs::MetricFilter", Match.objectLike(Map.of(
                "FilterPattern", "{ $.message = \"xmpp stream up\" }")));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "MetricName", "XmppStreamUp", "TreatMissingData", "breaching", "ComparisonOperator", "LessThanThreshold")));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "MetricName", "ApproximateNumberOfMessagesVisible")));
        template.resourceCountIs("AWS::SNS::Subscription", 0);
    }

    @Test
    void everyLogGroupExpires() {
        assertThat(resources("AWS::Logs::LogGroup")).hasSize(3).allSatisfy((id, group) ->
                assertThat(((Map<?, ?>) group.get("Properties")).containsKey("RetentionInDays")).isTrue());
    }

    @Test
    void outputsTellTheOperatorWhatToDoNext() {
        for (String output : List.of("SmsWebhookUrl", "StatusWebhookUrl", "MappingsTableName", "FillTwilioSecret",
                "ShowComponentSecret", "AddFirstMapping")) {
            template.hasOutput(output, Match.anyValue());
        }
    }

    @Test
    void spotIsAContextChoice() {
        Map<String, Object> spot = new java.util.HashMap<>(CONTEXT);
        spot.put("fargateSpot", "true");
        Template.fromStack(synth(spot)).hasResourceProperties("AWS::ECS::Service", Match.objectLike(Map.of(
                "CapacityProviderStrategy", List.of(Map.of("CapacityProvider", "FARGATE_SPOT", "Weight", 1)))));
    }

    @Test
    void localstackVariantLeavesOutEcsAndTheVpc() {
        Map<String, Object> context = Map.of("componentDomain", "sms.example.com", "localstack", "true");
        Template local = Template.fromStack(synth(context));

        assertThat(local.toJSON().get("Resources").toString()).doesNotContain("AWS::ECS::", "AWS::EC2::");
        local.resourceCountIs("AWS::Lambda::Function", 1);
        local.resourceCountIs("AWS::SQS::Queue", 2);
    }

    @Test
    void badOrMissingContextIsNamedWithHowToSetIt() {
        assertThatThrownBy(() -> synth(Map.of()))
                .hasMessageContaining("xmppHost is required").hasMessageContaining("-c xmppHost=")
                .hasMessageContaining("componentDomain is required");
        assertThatThrownBy(() -> synth(Map.of("xmppHost", "x", "componentDomain", "not a domain", "xmppPort", "http",
                "fargateSpot", "maybe", "logRetentionDays", "10")))
                .hasMessageContaining("componentDomain 'not a domain'").hasMessageContaining("xmppPort")
                .hasMessageContaining("fargateSpot").hasMessageContaining("logRetentionDays");
    }

    @Test
    void synthIsDeterministic() {
        assertThat(Template.fromStack(synth(CONTEXT)).toJSON()).isEqualTo(template.toJSON());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container() {
        Map<String, Object> task = resources("AWS::ECS::TaskDefinition").values().iterator().next();
        List<Object> containers = (List<Object>) ((Map<String, Object>) task.get("Properties")).get("ContainerDefinitions");
        return (Map<String, Object>) containers.get(0);
    }

    private static List<String> names(Object entries) {
        List<String> names = new ArrayList<>();
        for (Object entry : (List<?>) entries) {
            names.add(String.valueOf(((Map<?, ?>) entry).get("Name")));
        }
        return names;
    }
}
