package org.smsoverxmpp.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smsoverxmpp.bridge.config.EnvReader;
import org.smsoverxmpp.bridge.provider.ProviderCatalog;
import org.smsoverxmpp.bridge.provider.ProviderChoice;
import org.smsoverxmpp.bridge.provider.ProviderSettings;
import org.smsoverxmpp.webhook.WebhookConfig;
import org.smsoverxmpp.webhook.signalwire.SignalWireWebhooks;
import org.smsoverxmpp.webhook.telnyx.TelnyxWebhooks;
import org.smsoverxmpp.webhook.twilio.TwilioWebhooks;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

/**
 * {@code -c providers}: each deployed provider gets its routes, outputs and variables, and the webhook and the bridge,
 * configured as the stack configures them, take exactly those providers.
 */
class ProvidersTest {
    static final Map<String, Object> ALL = Map.of("providers", Synth.ALL_PROVIDERS);

    /** The stage's URL for {@code route}, as the template builds it from the API's id. */
    static Map<String, Object> stageUrl(Synth synth, String route) {
        return Map.of("Fn::Join", List.of("", List.of("https://", Map.of("Ref", synth.only("AWS::ApiGateway::RestApi")),
                ".execute-api.", Map.of("Ref", "AWS::Region"), ".", Map.of("Ref", "AWS::URLSuffix"), "/prod/" + route)));
    }

    @Test
    void twilioNamedAloneIsTheTemplateOfAnUnsetContext() {
        assertThat(Synth.withProviders("twilio").template.toJSON()).isEqualTo(Synth.withProviders("").template.toJSON());
        assertThat(Synth.of(Map.of("providers", "twilio", "rehearsal", "true")).template.toJSON())
                .isEqualTo(Synth.of(Map.of("rehearsal", "true")).template.toJSON());
    }

    @Test
    void eachProviderAloneHasItsOwnRoutes() {
        // Twilio alone keeps the routes it always had, so the numbers configured with them need no change.
        assertThat(Synth.withProviders("").postRoutes()).containsExactly("/sms", "/status");
        assertThat(Synth.withProviders("telnyx").postRoutes()).containsExactly("/telnyx/events");
        assertThat(Synth.withProviders("signalwire").postRoutes()).containsExactly("/signalwire/sms", "/signalwire/status");
    }

    @Test
    void besideOthersTwilioHasItsOwnRoutesAndKeepsTheOldOnes() {
        assertThat(Synth.withProviders("twilio,signalwire").postRoutes()).containsExactlyInAnyOrder(
                "/twilio/sms", "/twilio/status", "/sms", "/status", "/signalwire/sms", "/signalwire/status");
        assertThat(Synth.withProviders("telnyx,twilio").bridgeEnvironment().get("TWILIO_STATUS_CALLBACK_URL"))
                .isEqualTo(stageUrl(Synth.withProviders("telnyx,twilio"), "twilio/status"));
    }

    @Test
    void everyRouteIsOneTheWebhookServes() {
        Set<String> served = Set.of(TwilioWebhooks.SMS_ROUTE, TwilioWebhooks.STATUS_ROUTE, TwilioWebhooks.LEGACY_SMS_ROUTE,
                TwilioWebhooks.LEGACY_STATUS_ROUTE, TelnyxWebhooks.EVENTS_ROUTE, SignalWireWebhooks.SMS_ROUTE,
                SignalWireWebhooks.STATUS_ROUTE);
        assertThat(Synth.shared(ALL).postRoutes()).isEqualTo(new TreeSet<>(served));
    }

    @Test
    void everyRouteCallsTheLiveAliasInEveryDeploy() {
        Synth all = Synth.shared(ALL);
        String alias = all.only("AWS::Lambda::Alias");
        assertThat(all.resources("AWS::ApiGateway::Method")).hasSize(7).allSatisfy((id, method) ->
                assertThat(Synth.refersTo(Synth.properties(method).get("Integration"), alias)).as(id).isTrue());
        assertThat(all.resources("AWS::Lambda::Permission")).hasSize(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "telnyx", "signalwire", "signalwire,twilio", Synth.ALL_PROVIDERS})
    void theWebhookEnablesExactlyTheDeployedProviders(String providers) {
        Map<String, String> env = rendered(Synth.withProviders(providers).webhookEnvironment());

        List<String> expected = deployed(providers).stream().map(Provider::lambdaSecretVariable).toList();
        // WebhookConfig is the function's own reading of its environment.
        assertThat(WebhookConfig.from(env).providerSecretIds()).containsOnlyKeys(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "telnyx", "signalwire", "signalwire,twilio", Synth.ALL_PROVIDERS})
    void theBridgeConfiguresExactlyTheDeployedProvidersWithTheDefault(String providers) {
        Synth synth = Synth.withProviders(providers);
        Map<String, String> env = rendered(synth.bridgeEnvironment());
        // ECS fills these from the API secrets; here with the placeholders' shape.
        synth.bridgeSecrets().keySet().forEach(name -> env.put(name, name.endsWith("SPACE_URL")
                ? "fill-me-in.signalwire.com" : "placeholder"));

        // The bridge's own reading of its environment: ProviderCatalog and ProviderChoice, as it starts.
        EnvReader reader = new EnvReader(env);
        List<ProviderSettings> configured = ProviderCatalog.configured(reader, List.of());
        ProviderChoice choice = ProviderChoice.read(reader, configured);
        reader.check();
        List<Provider> expected = deployed(providers);
        assertThat(configured.stream().map(ProviderSettings::name)).containsExactlyInAnyOrderElementsOf(
                expected.stream().map(Provider::id).toList());
        assertThat(choice.defaultName()).isEqualTo(expected.get(0).id());
        // One provider needs no SMS_PROVIDER (and Twilio alone keeps the task it had); several do.
        if (expected.size() == 1) {
            assertThat(env).doesNotContainKey("SMS_PROVIDER");
        } else {
            assertThat(env).containsEntry("SMS_PROVIDER", expected.get(0).id());
        }
    }

    @Test
    void defaultProviderIsTheBridgesSmsProvider() {
        Synth synth = Synth.shared(Map.of("providers", Synth.ALL_PROVIDERS, "defaultProvider", "signalwire"));
        assertThat(synth.bridgeEnvironment()).containsEntry("SMS_PROVIDER", "signalwire");
    }

    @Test
    void theBridgeIsGivenEachProvidersCallbackUrl() {
        Synth all = Synth.shared(ALL);
        Map<String, Object> env = all.bridgeEnvironment();
        assertThat(env.get("TWILIO_STATUS_CALLBACK_URL")).isEqualTo(stageUrl(all, "twilio/status"));
        assertThat(env.get("TELNYX_WEBHOOK_URL")).isEqualTo(stageUrl(all, "telnyx/events"));
        assertThat(env.get("SIGNALWIRE_STATUS_CALLBACK_URL")).isEqualTo(stageUrl(all, "signalwire/status"));

        Synth custom = Synth.shared(Map.of("providers", "telnyx", "webhookBaseUrl", "https://sms-hooks.example.com"));
        assertThat(custom.bridgeEnvironment()).containsEntry("TELNYX_WEBHOOK_URL", "https://sms-hooks.example.com/telnyx/events")
                .doesNotContainKeys("TWILIO_STATUS_CALLBACK_URL", "SIGNALWIRE_STATUS_CALLBACK_URL");
    }

    @Test
    void outputsGiveEachProvidersUrlsWithWhereToPasteThemAndHowToFillItsSecrets() {
        Synth all = Synth.shared(ALL);
        Map<String, String> urls = Map.of("TwilioSmsWebhookUrl", "twilio/sms", "TwilioStatusWebhookUrl", "twilio/status",
                "TelnyxWebhookUrl", "telnyx/events", "SignalWireSmsWebhookUrl", "signalwire/sms",
                "SignalWireStatusWebhookUrl", "signalwire/status");
        urls.forEach((output, route) -> all.template.hasOutput(output, Match.objectLike(Map.of(
                "Value", stageUrl(all, route), "Description", Match.stringLikeRegexp(".{20,}")))));
        all.template.hasOutput("TelnyxWebhookUrl", Match.objectLike(Map.of("Description",
                Match.stringLikeRegexp(".*messaging profile.*Webhook URL.*"))));
        for (Provider provider : Provider.values()) {
            all.template.hasOutput("Fill" + provider.title() + "WebhookSecret", Match.objectLike(Map.of("Value",
                    Match.stringLikeRegexp("aws secretsmanager put-secret-value --secret-id "
                            + provider.webhookSecretName() + " --secret-string '.*\"" + provider.webhookSecret()
                            .generatedKey() + "\".*'"))));
            all.template.hasOutput("Fill" + provider.title() + "ApiSecret", Match.objectLike(Map.of(
                    "Value", Match.stringLikeRegexp("aws secretsmanager put-secret-value --secret-id "
                            + provider.apiSecretName() + " --secret-string '.*\"" + provider.apiSecret().generatedKey()
                            + "\".*'"),
                    "Description", Match.stringLikeRegexp(".*restart the bridge.*"))));
        }
        // Twilio's outputs from before are Twilio-alone outputs; beside others its URLs have their own names.
        assertThat(outputs(all)).doesNotContainKeys("SmsWebhookUrl", "StatusWebhookUrl");
        Synth telnyx = Synth.withProviders("telnyx");
        assertThat(outputs(telnyx)).containsKeys("TelnyxWebhookUrl",
                "FillTelnyxWebhookSecret", "FillTelnyxApiSecret").doesNotContainKeys("FillTwilioWebhookSecret",
                "SmsWebhookUrl", "FillSignalWireApiSecret");
    }

    @Test
    void everyFixedNameIsUniqueAcrossProviders() {
        Map<String, String> named = FreshAccountDeployTest.namedResources(Synth.shared(ALL));
        List<String> names = new ArrayList<>(named.values());
        assertThat(names).doesNotHaveDuplicates();
        for (Provider provider : Provider.values()) {
            assertThat(names).contains("AWS::SecretsManager::Secret " + provider.webhookSecretName(),
                    "AWS::SecretsManager::Secret " + provider.apiSecretName());
        }
        // Output names are unique by construction (CDK refuses a second one); so are their provider parts.
        assertThat(Provider.values()).extracting(Provider::title).doesNotHaveDuplicates();
    }

    @Test
    void cdkNagPassesWithEveryProvider() {
        Synth all = Synth.shared(ALL);
        assertThat(Annotations.fromStack(all.stack).findError("*", Match.anyValue())).isEmpty();
        assertThat(Annotations.fromStack(all.stack).findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
    }

    /** The providers a {@code -c providers} value deploys; empty is Twilio alone. */
    static List<Provider> deployed(String providers) {
        if (providers.isEmpty()) {
            return List.of(Provider.TWILIO);
        }
        return Arrays.stream(providers.split(",")).map(id -> Provider.byId(id).orElseThrow()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outputs(Synth synth) {
        return (Map<String, Object>) synth.template.toJSON().get("Outputs");
    }

    private static Map<String, String> rendered(Map<String, Object> env) {
        Map<String, String> rendered = new LinkedHashMap<>();
        env.forEach((name, value) -> rendered.put(name, Synth.render(value)));
        return rendered;
    }
}
