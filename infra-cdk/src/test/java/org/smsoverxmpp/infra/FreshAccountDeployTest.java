package org.smsoverxmpp.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;

/** The rules that make `cdk deploy` succeed in a new account, and succeed again after a failed first try. */
class FreshAccountDeployTest {
    /**
     * Fixed names that are deleted with the stack, on purpose: they hold nothing the operator must keep (queued
     * events and receipts expire in days; the cluster and service are recreated as they were).
     */
    static final Set<String> DELETED_WITH_THE_STACK = Set.of("sms-over-xmpp-events.fifo", "sms-over-xmpp-events-dlq.fifo",
            "sms-over-xmpp-outbox.fifo", "sms-over-xmpp-outbox-dlq.fifo", "sms-over-xmpp-sent", BridgeService.CLUSTER,
            BridgeService.SERVICE);
    /** Properties ending in "Name" that are not names unique in the account (and region). */
    static final Set<String> NOT_ACCOUNT_WIDE = Set.of("StageName", "MetricName", "PolicyName", "DisplayName");
    /** Types whose Name is unique only inside their parent (the function, the account's API list allows duplicates). */
    static final Set<String> NAMED_IN_PARENT = Set.of("AWS::Lambda::Alias", "AWS::ApiGateway::RestApi");

    static Synth synth;

    @BeforeAll
    static void synthesize() {
        synth = Synth.of(Map.of());
    }

    /** Every resource with a fixed name, by logical id → "Type name". */
    static Map<String, String> namedResources(Synth synth) {
        Map<String, String> named = new LinkedHashMap<>();
        ((Map<?, ?>) synth.template.toJSON().get("Resources")).forEach((id, resource) -> {
            Map<?, ?> r = (Map<?, ?>) resource;
            String type = (String) r.get("Type");
            if (r.get("Properties") instanceof Map<?, ?> props && !NAMED_IN_PARENT.contains(type)) {
                props.forEach((key, value) -> {
                    String k = (String) key;
                    if (k.endsWith("Name") && !NOT_ACCOUNT_WIDE.contains(k) && value instanceof String name) {
                        named.put((String) id, type + " " + name);
                    }
                });
            }
        });
        return named;
    }

    @Test
    void everyFixedNameIsRetainedExceptOnCreateOrDeletedWithTheStack() {
        // The ones this stack has today, so the enumeration itself cannot silently find nothing.
        assertThat(namedResources(synth).values()).contains("AWS::DynamoDB::Table sms-over-xmpp-mappings",
                "AWS::SecretsManager::Secret sms-over-xmpp/twilio/webhook", "AWS::SecretsManager::Secret sms-over-xmpp/twilio/api",
                "AWS::SecretsManager::Secret sms-over-xmpp/component", "AWS::SQS::Queue sms-over-xmpp-outbox.fifo",
                "AWS::ECS::Cluster sms-over-xmpp");
        assertRetainedExceptOnCreateOrDeleted(synth);
        // Each provider adds two named secrets.
        Synth all = Synth.withProviders(Synth.ALL_PROVIDERS);
        assertThat(namedResources(all).values()).contains("AWS::SecretsManager::Secret sms-over-xmpp/telnyx/webhook",
                "AWS::SecretsManager::Secret sms-over-xmpp/telnyx/api",
                "AWS::SecretsManager::Secret sms-over-xmpp/signalwire/webhook",
                "AWS::SecretsManager::Secret sms-over-xmpp/signalwire/api");
        assertRetainedExceptOnCreateOrDeleted(all);
    }

    private static void assertRetainedExceptOnCreateOrDeleted(Synth synth) {
        Map<String, String> named = namedResources(synth);
        Map<?, ?> resources = (Map<?, ?>) synth.template.toJSON().get("Resources");
        named.forEach((id, typeAndName) -> {
            Object policy = ((Map<?, ?>) resources.get(id)).get("DeletionPolicy");
            String name = typeAndName.substring(typeAndName.indexOf(' ') + 1);
            if (DELETED_WITH_THE_STACK.contains(name)) {
                assertThat(policy).as(typeAndName).isIn(null, "Delete");
            } else {
                // A failed first create deletes it, so the retry meets no resource of the same name.
                assertThat(policy).as(typeAndName + ": a new named resource must be RetainExceptOnCreate, or listed as "
                        + "deleted with the stack").isEqualTo("RetainExceptOnCreate");
            }
        });
    }

    @Test
    void noResourceOutlivesAFailedFirstCreate() {
        for (Synth deploy : List.of(synth, Synth.withProviders(Synth.ALL_PROVIDERS))) {
            ((Map<?, ?>) deploy.template.toJSON().get("Resources")).forEach((id, resource) ->
                    assertThat(((Map<?, ?>) resource).get("DeletionPolicy")).as(String.valueOf(id)).isNotIn("Retain", "Snapshot"));
        }
    }

    @Test
    void retainedTablesCanBeDeletedByTheirRollback() {
        // DynamoDB refuses to delete a table with deletion protection, which would leave it behind a failed create.
        synth.resources("AWS::DynamoDB::Table").values().forEach(table ->
                assertThat(Synth.properties(table).get("DeletionProtectionEnabled")).isNotEqualTo(true));
    }

    @Test
    void apiGatewayHasTheCloudWatchRoleAccessLoggingNeeds() {
        String account = synth.only("AWS::ApiGateway::Account");
        Capture role = new Capture();
        synth.template.hasResource("AWS::ApiGateway::Account", Match.objectLike(Map.of(
                "DeletionPolicy", "RetainExceptOnCreate",
                "Properties", Map.of("CloudWatchRoleArn", Map.of("Fn::GetAtt", List.of(role, "Arn"))))));
        Map<String, Object> roleResource = synth.resources("AWS::IAM::Role").get(role.asString());
        assertThat(roleResource.get("DeletionPolicy")).isEqualTo("RetainExceptOnCreate");
        assertThat(String.valueOf(Synth.properties(roleResource).get("ManagedPolicyArns")))
                .contains("AmazonAPIGatewayPushToCloudWatchLogs");
        assertThat(String.valueOf(Synth.properties(roleResource).get("AssumeRolePolicyDocument")))
                .contains("apigateway.amazonaws.com");
        // The stage turns access logging on only once the account's role is set.
        synth.template.hasResource("AWS::ApiGateway::Stage", Match.objectLike(Map.of(
                "DependsOn", Match.arrayWith(List.of(account)),
                "Properties", Match.objectLike(Map.of("AccessLogSetting", Match.anyValue())))));
    }

    @Test
    void accountWideApiGatewayRoleCanBeLeftToTheOperator() {
        Synth without = Synth.of(Map.of("apiGatewayCloudWatchRole", "false"));
        without.template.resourceCountIs("AWS::ApiGateway::Account", 0);
        without.template.resourceCountIs("AWS::IAM::Role", 3);
    }

    @Test
    void serviceWaitsForTheClusterCapacityProviders() {
        String association = synth.only("AWS::ECS::ClusterCapacityProviderAssociations");
        synth.template.hasResourceProperties("AWS::ECS::ClusterCapacityProviderAssociations", Match.objectLike(Map.of(
                "CapacityProviders", List.of("FARGATE", "FARGATE_SPOT"),
                "Cluster", Map.of("Ref", synth.only("AWS::ECS::Cluster")))));
        synth.template.hasResource("AWS::ECS::Service", Match.objectLike(Map.of(
                "DependsOn", Match.arrayWith(List.of(association)))));
    }

    @Test
    void onDemandBridgeIsArm64AndItsImageIsBuiltForArm64() {
        assertRunsOn(synth, "FARGATE", "ARM64", "linux/arm64");
    }

    @Test
    void spotBridgeIsX8664AndItsImageIsBuiltForAmd64() {
        // Fargate Spot runs X86_64 Linux tasks only.
        assertRunsOn(Synth.of(Map.of("fargateSpot", "true")), "FARGATE_SPOT", "X86_64", "linux/amd64");
    }

    private static void assertRunsOn(Synth synth, String capacityProvider, String cpu, String imagePlatform) {
        synth.template.hasResourceProperties("AWS::ECS::Service", Match.objectLike(Map.of(
                "CapacityProviderStrategy", List.of(Map.of("CapacityProvider", capacityProvider, "Weight", 1)))));
        synth.template.hasResourceProperties("AWS::ECS::TaskDefinition", Match.objectLike(Map.of(
                "RuntimePlatform", Map.of("CpuArchitecture", cpu, "OperatingSystemFamily", "LINUX"))));
        assertThat(synth.imagePlatforms()).containsExactly(imagePlatform);
    }

    @Test
    void webhookLogsOnlyToItsOwnLogGroup() {
        String role = synth.lambdaRole();
        Map<String, Object> roleResource = synth.resources("AWS::IAM::Role").get(role);
        assertThat(Synth.properties(roleResource)).doesNotContainKey("ManagedPolicyArns");
        Capture logGroup = new Capture();
        synth.template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
                "LoggingConfig", Map.of("LogGroup", Map.of("Ref", logGroup)))));
        List<Map<?, ?>> logStatements = synth.statementsOf(role).stream()
                .filter(s -> Synth.actions(s).stream().anyMatch(a -> a.startsWith("logs:"))).toList();
        assertThat(logStatements).singleElement().satisfies(statement -> {
            assertThat(Synth.actions(statement)).containsExactlyInAnyOrder("logs:CreateLogStream", "logs:PutLogEvents");
            assertThat(statement.get("Resource")).isEqualTo(Map.of("Fn::GetAtt", List.of(logGroup.asString(), "Arn")));
        });
    }

    @Test
    void rehearsalLeavesOutOnlyWhatTheEmulatorCannotCreate() {
        Synth rehearsal = Synth.of(Map.of("rehearsal", "true"));
        Set<String> left = new TreeSet<>(types(synth));
        left.removeAll(types(rehearsal));
        // Secrets: referenced by name (bin/rehearse-deploy creates them first). Alias and version: the API calls
        // the function. CloudFront: the bridge keeps its default media URL.
        assertThat(left).containsExactly("AWS::CloudFront::Distribution", "AWS::CloudFront::OriginAccessControl",
                "AWS::Lambda::Alias", "AWS::Lambda::Version", "AWS::SecretsManager::Secret");
        assertThat(types(synth)).containsAll(types(rehearsal));
        assertThat(rehearsal.bridgeEnvironment()).doesNotContainKey("MEDIA_BASE_URL");
    }

    @Test
    void rehearsalRefersToEveryProvidersSecretsByTheNamesTheScriptCreates() {
        Synth rehearsal = Synth.shared(Map.of("rehearsal", "true", "providers", Synth.ALL_PROVIDERS));
        rehearsal.template.resourceCountIs("AWS::SecretsManager::Secret", 0);
        String template = String.valueOf(rehearsal.template.toJSON().get("Resources"));
        for (Provider provider : Provider.values()) {
            // bin/lib/rehearsal/emulator.py creates exactly these names before the deploy.
            assertThat(template).contains(":secret:" + provider.webhookSecretName() + "-",
                    ":secret:" + provider.apiSecretName() + "-");
        }
    }

    /**
     * moto's CloudFormation skips the types it has no model for, and then fails the whole create on any
     * Fn::GetAtt that names one ("references undefined resource"). The alarm widget of the dashboard did once.
     */
    @Test
    void rehearsalTemplateGetsNoAttributeOfATypeTheEmulatorSkips() {
        Set<String> skipped = Set.of("AWS::ApiGateway::Account", "AWS::ApiGateway::GatewayResponse",
                "AWS::ApiGateway::Stage", "AWS::CloudWatch::Alarm", "AWS::ECS::ClusterCapacityProviderAssociations",
                "AWS::S3::BucketPolicy", "AWS::SNS::Subscription", "AWS::SNS::TopicPolicy", "AWS::SQS::QueuePolicy");
        for (Map<String, Object> context : List.<Map<String, Object>>of(Map.of("rehearsal", "true"),
                Map.of("rehearsal", "true", "alarmEmail", "ops@example.com"),
                Map.of("rehearsal", "true", "providers", Synth.ALL_PROVIDERS))) {
            Map<?, ?> resources = (Map<?, ?>) Synth.shared(context).template.toJSON().get("Resources");
            Set<String> targets = new TreeSet<>();
            collectGetAttTargets(resources, targets);
            for (String target : targets) {
                String type = (String) ((Map<?, ?>) resources.get(target)).get("Type");
                assertThat(skipped).as("Fn::GetAtt %s (%s) with %s", target, type, context).doesNotContain(type);
            }
            assertThat(targets).isNotEmpty();
        }
    }

    private static void collectGetAttTargets(Object node, Set<String> targets) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("Fn::GetAtt".equals(key) && value instanceof List<?> attribute) {
                    targets.add((String) attribute.get(0));
                }
                collectGetAttTargets(value, targets);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectGetAttTargets(item, targets));
        }
    }

    private static Set<String> types(Synth synth) {
        Set<String> types = new TreeSet<>();
        ((Map<?, ?>) synth.template.toJSON().get("Resources")).values().forEach(r -> types.add((String) ((Map<?, ?>) r).get("Type")));
        return types;
    }
}
