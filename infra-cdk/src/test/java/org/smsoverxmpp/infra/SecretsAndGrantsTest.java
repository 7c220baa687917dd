package org.smsoverxmpp.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** Each side reads its own secrets and makes exactly its own AWS calls. */
class SecretsAndGrantsTest {
    static Synth synth;
    static String webhookSecret;
    static String apiSecret;
    static String componentSecret;

    @BeforeAll
    static void synthesize() {
        synth = Synth.of(Map.of());
        Map<String, String> byName = new HashMap<>();
        synth.resources("AWS::SecretsManager::Secret").forEach((id, secret) ->
                byName.put((String) Synth.properties(secret).get("Name"), id));
        assertThat(byName).containsOnlyKeys(GatewaySecrets.TWILIO_WEBHOOK, GatewaySecrets.TWILIO_API, GatewaySecrets.COMPONENT);
        webhookSecret = byName.get(GatewaySecrets.TWILIO_WEBHOOK);
        apiSecret = byName.get(GatewaySecrets.TWILIO_API);
        componentSecret = byName.get(GatewaySecrets.COMPONENT);
    }

    /** The gateway's secrets the role may read; fails on a secretsmanager statement naming anything else. */
    static Set<String> secretsReadBy(String role) {
        Set<String> secrets = new TreeSet<>();
        for (Map<?, ?> statement : synth.statementsOf(role)) {
            if (Synth.actions(statement).stream().noneMatch(a -> a.startsWith("secretsmanager:"))) {
                continue;
            }
            assertThat(Synth.actions(statement)).containsExactlyInAnyOrder("secretsmanager:GetSecretValue",
                    "secretsmanager:DescribeSecret");
            List<String> named = List.of(webhookSecret, apiSecret, componentSecret).stream()
                    .filter(secret -> Synth.refersTo(statement.get("Resource"), secret)).toList();
            assertThat(named).as("the secret " + statement.get("Resource")).hasSize(1);
            secrets.addAll(named);
        }
        return secrets;
    }

    @Test
    void webhookReadsOnlyTheWebhookSecret() {
        assertThat(secretsReadBy(synth.lambdaRole())).containsExactly(webhookSecret);
        assertThat(synth.webhookEnvironment().get("TWILIO_SECRET_ID")).isEqualTo(Map.of("Ref", webhookSecret));
    }

    @Test
    void bridgeStartsWithTheApiKeyAndComponentSecretOnly() {
        // ECS reads them with the execution role when it starts the task; the bridge's own role reads none.
        assertThat(secretsReadBy(synth.executionRole())).containsExactlyInAnyOrder(apiSecret, componentSecret);
        assertThat(secretsReadBy(synth.taskRole())).isEmpty();
        Map<String, Object> secrets = synth.bridgeSecrets();
        assertThat(secrets.get("COMPONENT_SECRET")).isEqualTo(Map.of("Ref", componentSecret));
        for (Map.Entry<String, String> key : Map.of("TWILIO_ACCOUNT_SID", "accountSid", "TWILIO_API_KEY_SID", "apiKeySid",
                "TWILIO_API_KEY_SECRET", "apiKeySecret").entrySet()) {
            assertThat(secrets.get(key.getKey())).isEqualTo(Map.of("Fn::Join",
                    List.of("", List.of(Map.of("Ref", apiSecret), ":" + key.getValue() + "::"))));
        }
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
