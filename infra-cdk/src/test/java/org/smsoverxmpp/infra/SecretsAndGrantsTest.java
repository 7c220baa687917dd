package org.smsoverxmpp.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import software.amazon.awscdk.assertions.Match;

/** Each side reads its own secrets and makes exactly its own AWS calls, whichever providers are deployed. */
class SecretsAndGrantsTest {
    /** Each provider alone (Twilio by the unset context), two together, and all three. */
    static final String[] DEPLOYS = {"", "telnyx", "signalwire", "signalwire,twilio", Synth.ALL_PROVIDERS};

    static Synth synth;

    @BeforeAll
    static void synthesize() {
        synth = Synth.withProviders("");
    }

    /** The gateway's secrets of a deploy, by name → logical id. */
    static Map<String, String> secretIds(Synth synth) {
        Map<String, String> byName = new HashMap<>();
        synth.resources("AWS::SecretsManager::Secret").forEach((id, secret) ->
                byName.put((String) Synth.properties(secret).get("Name"), id));
        return byName;
    }

    /**
     * The gateway's secrets the role may read, by logical id; fails on a secretsmanager statement that reads more
     * than a secret's value or names anything that is not one of the gateway's secrets.
     */
    static Set<String> secretsReadBy(Synth synth, String role) {
        Collection<String> known = secretIds(synth).values();
        Set<String> secrets = new TreeSet<>();
        for (Map<?, ?> statement : synth.statementsOf(role)) {
            if (Synth.actions(statement).stream().noneMatch(a -> a.startsWith("secretsmanager:"))) {
                continue;
            }
            assertThat(Synth.actions(statement)).containsExactlyInAnyOrder("secretsmanager:GetSecretValue",
                    "secretsmanager:DescribeSecret");
            List<?> resources = statement.get("Resource") instanceof List<?> list ? list : List.of(statement.get("Resource"));
            for (Object resource : resources) {
                List<String> named = known.stream().filter(secret -> Synth.refersTo(resource, secret)).toList();
                assertThat(named).as("the secret " + resource).hasSize(1);
                secrets.addAll(named);
            }
        }
        return secrets;
    }

    @ParameterizedTest
    @FieldSource("DEPLOYS")
    void eachDeployedProviderHasItsTwoSecretsAndNoOtherProviderHasAny(String providers) {
        List<String> names = new ArrayList<>(List.of(GatewaySecrets.COMPONENT));
        ProvidersTest.deployed(providers).forEach(p -> names.addAll(List.of(p.webhookSecretName(), p.apiSecretName())));
        assertThat(secretIds(Synth.withProviders(providers))).containsOnlyKeys(names);
    }

    @ParameterizedTest
    @FieldSource("DEPLOYS")
    void webhookReadsOnlyTheDeployedProvidersWebhookSecrets(String providers) {
        Synth synth = Synth.withProviders(providers);
        Map<String, String> ids = secretIds(synth);
        List<Provider> deployed = ProvidersTest.deployed(providers);

        assertThat(secretsReadBy(synth, synth.lambdaRole())).containsExactlyInAnyOrderElementsOf(
                deployed.stream().map(p -> ids.get(p.webhookSecretName())).toList());
        for (Provider provider : Provider.values()) {
            if (deployed.contains(provider)) {
                assertThat(synth.webhookEnvironment()).containsEntry(provider.lambdaSecretVariable(),
                        Map.of("Ref", ids.get(provider.webhookSecretName())));
            } else {
                assertThat(synth.webhookEnvironment()).doesNotContainKey(provider.lambdaSecretVariable());
            }
        }
    }

    @ParameterizedTest
    @FieldSource("DEPLOYS")
    void bridgeStartsWithTheDeployedApiSecretsAndTheComponentSecretOnly(String providers) {
        Synth synth = Synth.withProviders(providers);
        Map<String, String> ids = secretIds(synth);
        List<Provider> deployed = ProvidersTest.deployed(providers);
        String component = ids.get(GatewaySecrets.COMPONENT);

        // ECS reads them with the execution role when it starts the task; the bridge's own role reads none.
        List<String> expected = new ArrayList<>(List.of(component));
        deployed.forEach(p -> expected.add(ids.get(p.apiSecretName())));
        assertThat(secretsReadBy(synth, synth.executionRole())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(secretsReadBy(synth, synth.taskRole())).isEmpty();

        Map<String, Object> secrets = synth.bridgeSecrets();
        Map<String, Object> wanted = new HashMap<>(Map.of("COMPONENT_SECRET", Map.of("Ref", component)));
        for (Provider provider : deployed) {
            provider.bridgeSecretKeys().forEach((name, key) -> wanted.put(name, Map.of("Fn::Join",
                    List.of("", List.of(Map.of("Ref", ids.get(provider.apiSecretName())), ":" + key + "::")))));
        }
        assertThat(secrets).isEqualTo(wanted);
    }

    @Test
    void theBridgeIsGivenTheKeysItsApiSecretsHold() {
        // The JSON keys the API secrets' placeholders and examples hold are the ones ECS reads out of them.
        for (Provider provider : Provider.values()) {
            for (String key : provider.bridgeSecretKeys().values()) {
                assertThat(provider.apiSecret().example()).as(provider + " example").contains("\"" + key + "\"");
                assertThat(provider.apiSecret().template() + provider.apiSecret().generatedKey())
                        .as(provider + " placeholder").contains(key);
            }
        }
        assertThat(Provider.TWILIO.bridgeSecretKeys()).containsExactly(Map.entry("TWILIO_ACCOUNT_SID", "accountSid"),
                Map.entry("TWILIO_API_KEY_SID", "apiKeySid"), Map.entry("TWILIO_API_KEY_SECRET", "apiKeySecret"));
        assertThat(Provider.TELNYX.bridgeSecretKeys()).containsExactly(Map.entry("TELNYX_API_KEY", "apiKey"));
        assertThat(Provider.SIGNALWIRE.bridgeSecretKeys()).containsExactly(
                Map.entry("SIGNALWIRE_PROJECT_ID", "projectId"), Map.entry("SIGNALWIRE_API_TOKEN", "apiToken"),
                Map.entry("SIGNALWIRE_SPACE_URL", "spaceUrl"));
    }

    @Test
    void secretsStartWithPlaceholdersThatMatchNoRealCredential() {
        // The auth token is random until the operator sets it, so no forged webhook can match it meanwhile.
        synth.template.hasResourceProperties("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
                "Name", GatewaySecrets.TWILIO_WEBHOOK,
                "GenerateSecretString", Match.objectLike(Map.of("GenerateStringKey", "authToken",
                        "SecretStringTemplate", "{\"accountSid\":\"AC-fill-me-in\"}")))));
        synth.template.hasResourceProperties("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
                "Name", GatewaySecrets.TWILIO_API,
                "GenerateSecretString", Match.objectLike(Map.of("GenerateStringKey", "apiKeySecret",
                        "SecretStringTemplate", "{\"accountSid\":\"AC-fill-me-in\",\"apiKeySid\":\"SK-fill-me-in\"}")))));
        // Telnyx's public key and SignalWire's signing key: 32 random letters and digits, which check no signature
        // (and are no Ed25519 key at all, so Telnyx's webhooks are answered 503 until the real key is set).
        Synth all = Synth.withProviders(Synth.ALL_PROVIDERS);
        for (Map.Entry<String, String> generated : Map.of("sms-over-xmpp/telnyx/webhook", "publicKey",
                "sms-over-xmpp/telnyx/api", "apiKey", "sms-over-xmpp/signalwire/webhook", "signingKey",
                "sms-over-xmpp/signalwire/api", "apiToken").entrySet()) {
            all.template.hasResource("AWS::SecretsManager::Secret", Match.objectLike(Map.of(
                    "DeletionPolicy", "RetainExceptOnCreate", "UpdateReplacePolicy", "Retain",
                    "Properties", Match.objectLike(Map.of("Name", generated.getKey(),
                            "GenerateSecretString", Match.objectLike(Map.of("GenerateStringKey", generated.getValue(),
                                    "PasswordLength", 32, "ExcludePunctuation", true)))))));
        }
    }

    @Test
    void bridgeWritesSentRecordsInBatchesAndReadsThemBack() {
        List<Map<?, ?>> statements = sentTableStatements().stream()
                .filter(s -> !Synth.actions(s).contains("dynamodb:PutItem")).toList();
        // No PutItem for records: they go through BatchWriteItem; UpdateItem adds to the set of recipients who took an SMS.
        assertThat(statements).singleElement().satisfies(s -> assertThat(Synth.actions(s))
                .containsExactlyInAnyOrder("dynamodb:BatchWriteItem", "dynamodb:GetItem", "dynamodb:UpdateItem"));
    }

    @Test
    void bridgeMayPutOnlyItsOwnStateItemInTheSentTable() {
        List<Map<?, ?>> puts = sentTableStatements().stream()
                .filter(s -> Synth.actions(s).contains("dynamodb:PutItem")).toList();

        assertThat(puts).singleElement().satisfies(s -> {
            assertThat(Synth.actions(s)).containsExactly("dynamodb:PutItem");
            assertThat(s.get("Condition")).isEqualTo(Map.of("ForAllValues:StringEquals",
                    Map.of("dynamodb:LeadingKeys", List.of(org.smsoverxmpp.bridge.status.StateItem.KEY))));
        });
    }

    private static List<Map<?, ?>> sentTableStatements() {
        String sent = synth.resources("AWS::DynamoDB::Table").entrySet().stream()
                .filter(e -> "sms-over-xmpp-sent".equals(Synth.properties(e.getValue()).get("TableName")))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        return synth.statementsOf(synth.taskRole()).stream().filter(s -> Synth.refersTo(s.get("Resource"), sent)).toList();
    }

    @Test
    void bridgeReadsOneMappingOrQueriesTheNumberIndex() {
        String mappings = synth.resources("AWS::DynamoDB::Table").entrySet().stream()
                .filter(e -> MappingsTable.NAME.equals(Synth.properties(e.getValue()).get("TableName")))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        List<Map<?, ?>> statements = synth.statementsOf(synth.taskRole()).stream()
                .filter(s -> Synth.refersTo(s.get("Resource"), mappings)).toList();
        assertThat(statements).hasSize(2).anySatisfy(s -> {
            assertThat(Synth.actions(s)).containsExactly("dynamodb:GetItem");
            assertThat(s.get("Resource")).isEqualTo(Map.of("Fn::GetAtt", List.of(mappings, "Arn")));
        }).anySatisfy(s -> {
            assertThat(Synth.actions(s)).containsExactly("dynamodb:Query");
            assertThat(String.valueOf(s.get("Resource"))).contains("/index/byNumber");
        });
        assertThat(synth.statementsOf(synth.lambdaRole())).noneMatch(s -> Synth.refersTo(s, mappings));
    }
}
