package org.smsoverxmpp.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.bridge.metrics.EmfMetrics;
import org.smsoverxmpp.webhook.ColdStartMetric;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The synthesized template has the shape the design card asks for. */
class GatewayStackTest {
    static Synth synth;
    static Template template;

    @BeforeAll
    static void synthesize() {
        synth = Synth.of(Map.of());
        template = synth.template;
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
                "VisibilityTimeout", 30,
                "RedrivePolicy", Match.objectLike(Map.of("maxReceiveCount", FifoQueue.EVENT_RECEIVES_BACKSTOP)))));
        template.hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of(
                "QueueName", "sms-over-xmpp-events-dlq.fifo", "FifoQueue", true, "MessageRetentionPeriod", 1209600)));
        // Each of the four queues (events, outbox and their dead letters) refuses requests without TLS.
        template.resourceCountIs("AWS::SQS::QueuePolicy", 4);
        assertThat(synth.resources("AWS::SQS::QueuePolicy").values()).allSatisfy(policy ->
                assertThat(String.valueOf(Synth.properties(policy).get("PolicyDocument")))
                        .contains("Effect=Deny").contains("aws:SecureTransport=false"));
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
    void webhookLogsInLambdasJsonFormatAndFiltersByItsOwnLogLevel() {
        template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "LoggingConfig", Match.objectLike(Map.of(
                        "LogFormat", "JSON", "ApplicationLogLevel", "TRACE", "SystemLogLevel", "INFO")))));
        assertThat(synth.webhookEnvironment()).doesNotContainKey("LOG_LEVEL").doesNotContainKey("POWERTOOLS_SERVICE_NAME");
    }

    @Test
    void webhookTurnsOffTheLog4ShellPatchBecauseItShipsNoLog4j() {
        assertThat(synth.webhookEnvironment()).containsEntry("AWS_LAMBDA_DISABLE_CVE_2021_44228_PROTECTION", "true");
    }

    @Test
    void webhookHasNoJavaToolOptions() {
        // java21 on Lambda already stops at the client compiler; the flag only hid that.
        assertThat(synth.webhookEnvironment()).doesNotContainKey("JAVA_TOOL_OPTIONS");
    }

    @Test
    void mappingsTableIsOnDemandRecoverableAndKept() {
        template.hasResource("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                "DeletionPolicy", "RetainExceptOnCreate",
                "Properties", Match.objectLike(Map.of(
                        "TableName", "sms-over-xmpp-mappings",
                        "BillingMode", "PAY_PER_REQUEST",
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                        "GlobalSecondaryIndexes", Match.arrayWith(List.of(Match.objectLike(Map.of("IndexName", "byNumber")))))))));
    }

    @Test
    void sentMessagesExpireThroughTtl() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Match.objectLike(Map.of(
                "TableName", "sms-over-xmpp-sent",
                "TimeToLiveSpecification", Map.of("AttributeName", "expiresAt", "Enabled", true))));
    }

    @Test
    void bridgeIsOneSmallTaskThatNeverOverlapsItself() {
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of("Cpu", "256", "Memory", "512")));
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
        synth.resources("AWS::EC2::SecurityGroup").values().forEach(sg ->
                assertThat(Synth.properties(sg).containsKey("SecurityGroupIngress")).isFalse());
        template.resourceCountIs("AWS::EC2::SecurityGroupIngress", 0);
    }

    @Test
    void secretsReachTheBridgeAsEcsSecretsNeverAsPlainEnvironment() {
        assertThat(synth.bridgeSecrets()).containsOnlyKeys("COMPONENT_SECRET", "TWILIO_ACCOUNT_SID",
                "TWILIO_API_KEY_SID", "TWILIO_API_KEY_SECRET");
        assertThat(synth.bridgeEnvironment().keySet())
                .noneMatch(name -> name.contains("SECRET") || name.contains("TOKEN") || name.contains("PASSWORD"))
                .contains("XMPP_HOST", "COMPONENT_DOMAIN", "QUEUE_URL", "MAPPINGS_TABLE", "SENT_TABLE", "MEDIA_BUCKET");
    }

    @Test
    void noIamStatementUsesAWildcardAction() {
        List<String> actions = new ArrayList<>();
        for (Map<String, Object> policy : synth.resources("AWS::IAM::Policy").values()) {
            ((List<?>) ((Map<?, ?>) Synth.properties(policy).get("PolicyDocument")).get("Statement"))
                    .forEach(statement -> actions.addAll(Synth.actions((Map<?, ?>) statement)));
        }
        assertThat(actions).isNotEmpty().noneMatch(a -> a.contains("*"));
    }

    @Test
    void cdkNagFindsNoUnsuppressedErrorsOrWarnings() {
        assertThat(Annotations.fromStack(synth.stack).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
        assertThat(Annotations.fromStack(synth.stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
        assertThat(Annotations.fromStack(synth.stack).findError("*", Match.anyValue())).isEmpty();
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
    void alarmsCoverDeadLettersDisconnectsRefusalsAndWebhookErrors() {
        template.resourceCountIs("AWS::CloudWatch::Alarm", 6);
        template.resourceCountIs("AWS::Logs::MetricFilter", 0);
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "Namespace", EmfMetrics.NAMESPACE, "MetricName", EmfMetrics.XMPP_CONNECTED, "Statistic", "Maximum",
                "TreatMissingData", "breaching", "ComparisonOperator", "LessThanThreshold")));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "Namespace", EmfMetrics.NAMESPACE, "MetricName", EmfMetrics.OUTBOUND_REFUSED, "Statistic", "Sum",
                "ComparisonOperator", "GreaterThanOrEqualToThreshold")));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "MetricName", "ApproximateNumberOfMessagesVisible")));
        template.resourceCountIs("AWS::SNS::Subscription", 0);
    }

    @Test
    void theDashboardShowsTrafficErrorsQueuesConnectionWebhookAndAlarms() {
        String body = String.valueOf(Synth.properties(synth.resources("AWS::CloudWatch::Dashboard").values().iterator()
                .next()).get("DashboardBody"));

        for (String metric : List.of(EmfMetrics.INBOUND_DELIVERED, EmfMetrics.INBOUND_REJECTED, EmfMetrics.OUTBOUND_SENT,
                EmfMetrics.OUTBOUND_REFUSED, EmfMetrics.XMPP_CONNECTED, EmfMetrics.XMPP_DISCONNECTS,
                "ApproximateAgeOfOldestMessage", "ApproximateNumberOfMessagesVisible", "Latency", "Duration",
                ColdStartMetric.COLD_START)) {
            assertThat(body).as(metric).contains("\"" + metric + "\"");
        }
        assertThat(body).as("errors by condition").contains("SEARCH(", EmfMetrics.CONDITION);
        assertThat(body).as("the alarms' states").contains("\"alarms\"");
        template.hasResourceProperties("AWS::CloudWatch::Dashboard", Match.objectLike(Map.of(
                "DashboardName", GatewayDashboard.NAME)));
    }

    @Test
    void everyLogGroupExpires() {
        assertThat(synth.resources("AWS::Logs::LogGroup")).hasSize(3).allSatisfy((id, group) ->
                assertThat(Synth.properties(group)).containsKey("RetentionInDays"));
    }

    @Test
    void outputsTellTheOperatorWhatToDoNext() {
        for (String output : List.of("SmsWebhookUrl", "StatusWebhookUrl", "MappingsTableName", "FillTwilioWebhookSecret",
                "FillTwilioApiSecret", "ShowComponentSecret", "AddFirstMapping", "OutboxQueueUrl", "MediaBaseUrl")) {
            template.hasOutput(output, Match.anyValue());
        }
        template.hasOutput("FillTwilioWebhookSecret", Match.objectLike(Map.of("Value",
                Match.stringLikeRegexp(".*--secret-id sms-over-xmpp/twilio/webhook .*\"authToken\".*"))));
        template.hasOutput("FillTwilioApiSecret", Match.objectLike(Map.of("Value",
                Match.stringLikeRegexp(".*--secret-id sms-over-xmpp/twilio/api .*\"apiKeySid\".*\"apiKeySecret\".*"))));
    }

    @Test
    void localstackVariantLeavesOutEcsTheVpcAndCloudFront() {
        Map<String, Object> context = Map.of("componentDomain", "sms.example.com", "localstack", "true");
        Template local = Template.fromStack(Synth.build(context, Map.of()));

        assertThat(local.toJSON().get("Resources").toString()).doesNotContain("AWS::ECS::", "AWS::EC2::", "AWS::CloudFront::");
        local.resourceCountIs("AWS::Lambda::Function", 1);
        local.resourceCountIs("AWS::SQS::Queue", 4);
    }

    @Test
    void badOrMissingContextIsNamedWithHowToSetIt() {
        assertThatThrownBy(() -> Synth.build(Map.of(), Map.of()))
                .hasMessageContaining("xmppHost is required").hasMessageContaining("-c xmppHost=")
                .hasMessageContaining("componentDomain is required");
        assertThatThrownBy(() -> Synth.build(Map.of("xmppHost", "x", "componentDomain", "not a domain", "xmppPort", "http",
                "fargateSpot", "maybe", "logRetentionDays", "10", "snapStart", "yes"), Map.of()))
                .hasMessageContaining("componentDomain 'not a domain'").hasMessageContaining("xmppPort")
                .hasMessageContaining("fargateSpot must be true or false").hasMessageContaining("-c fargateSpot=false")
                .hasMessageContaining("logRetentionDays").hasMessageContaining("snapStart");
    }

    @Test
    void synthIsDeterministic() {
        assertThat(Synth.of(Map.of()).template.toJSON()).isEqualTo(template.toJSON());
    }
}
