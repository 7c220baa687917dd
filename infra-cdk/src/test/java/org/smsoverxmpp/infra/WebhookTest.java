package org.smsoverxmpp.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.apigateway.ResponseType;

/** The webhook checks signatures against the URL Twilio was given, and nothing it must not lose gets a 4xx. */
class WebhookTest {
    static Synth synth;
    static String api;

    @BeforeAll
    static void synthesize() {
        synth = Synth.of(Map.of());
        api = synth.only("AWS::ApiGateway::RestApi");
    }

    static Map<String, Object> stageUrl(String suffix) {
        return Map.of("Fn::Join", List.of("", List.of("https://", Map.of("Ref", api), ".execute-api.",
                Map.of("Ref", "AWS::Region"), ".", Map.of("Ref", "AWS::URLSuffix"), "/prod" + suffix)));
    }

    @Test
    void signaturesAreCheckedAgainstTheApisOwnStageUrl() {
        assertThat(synth.webhookEnvironment().get("PUBLIC_BASE_URL")).isEqualTo(stageUrl(""));
        assertThat(synth.bridgeEnvironment().get("TWILIO_STATUS_CALLBACK_URL")).isEqualTo(stageUrl("/status"));
        synth.template.hasOutput("SmsWebhookUrl", Match.objectLike(Map.of("Value", stageUrl("/sms"))));
    }

    @Test
    void theFunctionDoesNotDependOnTheStageThatCallsIt() {
        // The stage depends on the methods, which call the function: a function reading the stage would be a cycle.
        Map<String, Object> function = synth.resources("AWS::Lambda::Function").values().iterator().next();
        assertThat(Synth.refersTo(function, synth.only("AWS::ApiGateway::Stage"))).isFalse();
        assertThat(Synth.refersTo(function, synth.only("AWS::ApiGateway::Deployment"))).isFalse();
    }

    @Test
    void aCustomDomainIsTheUrlEverywhere() {
        Synth custom = Synth.of(Map.of("webhookBaseUrl", "https://sms-hooks.example.com"));
        assertThat(custom.webhookEnvironment()).containsEntry("PUBLIC_BASE_URL", "https://sms-hooks.example.com");
        assertThat(custom.bridgeEnvironment()).containsEntry("TWILIO_STATUS_CALLBACK_URL", "https://sms-hooks.example.com/status");
        custom.template.hasOutput("SmsWebhookUrl", Match.objectLike(Map.of("Value", "https://sms-hooks.example.com/sms")));
    }

    @Test
    void aCustomDomainMustBeAPlainHttpsBaseUrl() {
        for (String bad : List.of("http://sms-hooks.example.com", "https://sms-hooks.example.com/", "https://h.example.com/x?a=1",
                "https://h.example.com#rc=5", "sms-hooks.example.com")) {
            assertThatThrownBy(() -> Synth.of(Map.of("webhookBaseUrl", bad))).as(bad)
                    .hasMessageContaining("webhookBaseUrl '" + bad + "'").hasMessageContaining("-c webhookBaseUrl=https://");
        }
    }

    @Test
    void throttlingAndIntegrationFailuresAnswer503WhichTwilioRetries() {
        for (ResponseType type : List.of(ResponseType.THROTTLED, ResponseType.QUOTA_EXCEEDED, ResponseType.INTEGRATION_FAILURE,
                ResponseType.INTEGRATION_TIMEOUT)) {
            synth.template.hasResourceProperties("AWS::ApiGateway::GatewayResponse", Match.objectLike(Map.of(
                    "ResponseType", type.getResponseType(), "StatusCode", "503", "RestApiId", Map.of("Ref", api))));
        }
        // Nothing is rewritten into a status Twilio would not retry.
        synth.resources("AWS::ApiGateway::GatewayResponse").values().forEach(response ->
                assertThat(String.valueOf(Synth.properties(response).get("StatusCode"))).startsWith("5"));
    }

    @Test
    void theApiCallsOnlyTheLiveAlias() {
        String alias = synth.only("AWS::Lambda::Alias");
        synth.resources("AWS::ApiGateway::Method").values().forEach(method ->
                assertThat(Synth.refersTo(Synth.properties(method).get("Integration"), alias)).isTrue());
        synth.resources("AWS::Lambda::Permission").values().forEach(permission -> {
            assertThat(Synth.properties(permission).get("FunctionName")).isEqualTo(Map.of("Ref", alias));
            assertThat(String.valueOf(Synth.properties(permission).get("SourceArn"))).doesNotContain("test-invoke-stage");
        });
    }
}
