package org.smsoverxmpp.infra;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An SMS provider the stack deploys for (context {@code providers}): the routes it posts webhooks to, its two
 * secrets with their placeholders, and what the bridge is given to send through it. Everything the stack knows
 * about a provider is here, matching lambda-webhook's {@code *Webhooks} and the bridge's {@code *Settings}; the
 * constructs only iterate.
 */
public enum Provider {
    TWILIO("Twilio", new Signing("form", "Twilio HMAC signature", "the X-Twilio-Signature HMAC"),
            // Beside other providers: Twilio's own routes, and the ones from before each provider had its own, which
            // Twilio numbers configured then still post to.
            new Webhooks(List.of(
                    Route.shown("twilio/sms", "TwilioSmsWebhookUrl", Text.TWILIO_SMS
                            + "; numbers still set to the URL ending in /sms keep working"),
                    Route.shown("twilio/status", "TwilioStatusWebhookUrl", Text.TWILIO_STATUS),
                    Route.hidden("sms"), Route.hidden("status")),
                    pairs("TWILIO_STATUS_CALLBACK_URL", "twilio/status")),
            // Alone: the routes, outputs and callback URL a Twilio deploy had before providers were a choice, so a
            // stack deployed then updates with no change at all.
            Optional.of(new Webhooks(List.of(
                    Route.shown("sms", "SmsWebhookUrl", Text.TWILIO_SMS),
                    Route.shown("status", "StatusWebhookUrl", Text.TWILIO_STATUS)),
                    pairs("TWILIO_STATUS_CALLBACK_URL", "status"))),
            new SecretSpec("Twilio account SID and auth token, to check webhook signatures. Fill in after deploy.",
                    "{\"accountSid\":\"AC-fill-me-in\"}", "authToken",
                    "{\"accountSid\":\"AC...\",\"authToken\":\"...\"}",
                    "the auth token the webhook checks signatures with (Twilio console > Account > API keys & tokens); "
                            + "the webhook reads it again within 5 minutes, or a minute after a signature mismatch"),
            new SecretSpec("Twilio account SID and API key (SID and secret), to send SMS. Fill in after deploy.",
                    "{\"accountSid\":\"AC-fill-me-in\",\"apiKeySid\":\"SK-fill-me-in\"}", "apiKeySecret",
                    "{\"accountSid\":\"AC...\",\"apiKeySid\":\"SK...\",\"apiKeySecret\":\"...\"}",
                    "the API key the bridge sends with"),
            pairs("TWILIO_ACCOUNT_SID", "accountSid", "TWILIO_API_KEY_SID", "apiKeySid",
                    "TWILIO_API_KEY_SECRET", "apiKeySecret")),
    TELNYX("Telnyx", new Signing("JSON", "Telnyx Ed25519 signature", "the Ed25519 signature in telnyx-signature-ed25519"),
            new Webhooks(List.of(Route.shown("telnyx/events", "TelnyxWebhookUrl", "Telnyx portal > Messaging > your "
                    + "messaging profile > Inbound > Webhook URL (every message event: received, sent, finalized); "
                    + "the bridge also names it on each SMS it sends")),
                    pairs("TELNYX_WEBHOOK_URL", "telnyx/events")),
            Optional.empty(),
            // {} with a random publicKey: 32 letters and digits are no Ed25519 key, so Telnyx's webhooks are
            // answered 503 (and retried) until the real key is set, and none is accepted.
            new SecretSpec("Telnyx public key, to check webhook signatures (Ed25519). Fill in after deploy.",
                    "{}", "publicKey", "{\"publicKey\":\"<base64 from the portal>\"}",
                    "the public key the webhook checks signatures with (Telnyx portal > Keys & Credentials > Public "
                            + "Key); until it is set, Telnyx's webhooks are answered 503. Read again within 5 minutes"),
            new SecretSpec("Telnyx API key, to send SMS. Fill in after deploy.", "{}", "apiKey",
                    "{\"apiKey\":\"KEY...\"}",
                    "the API key the bridge sends with (Telnyx portal > Keys & Credentials > API Keys)"),
            pairs("TELNYX_API_KEY", "apiKey")),
    SIGNALWIRE("SignalWire", new Signing("form", "SignalWire HMAC signature", "the X-SignalWire-Signature HMAC"),
            new Webhooks(List.of(
                    Route.shown("signalwire/sms", "SignalWireSmsWebhookUrl", "SignalWire space > Phone Numbers > "
                            + "your number > Messaging Settings > 'When a message comes in' (LaML webhook, POST)"),
                    Route.shown("signalwire/status", "SignalWireStatusWebhookUrl",
                            "SignalWire's delivery-status callbacks (set by the bridge on each SMS)")),
                    pairs("SIGNALWIRE_STATUS_CALLBACK_URL", "signalwire/status")),
            Optional.empty(),
            new SecretSpec("SignalWire project id and signing key, to check webhook signatures. Fill in after deploy.",
                    "{\"projectId\":\"fill-me-in\"}", "signingKey",
                    "{\"projectId\":\"...\",\"signingKey\":\"PSK_...\"}",
                    "the signing key the webhook checks signatures with (SignalWire space > API > Signing Key); the "
                            + "webhook reads it again within 5 minutes, or a minute after a signature mismatch"),
            new SecretSpec("SignalWire project id, API token and space URL, to send SMS. Fill in after deploy.",
                    "{\"projectId\":\"fill-me-in\",\"spaceUrl\":\"fill-me-in.signalwire.com\"}", "apiToken",
                    "{\"projectId\":\"...\",\"apiToken\":\"PT...\",\"spaceUrl\":\"example.signalwire.com\"}",
                    "the API token the bridge sends with (SignalWire space > API)"),
            pairs("SIGNALWIRE_PROJECT_ID", "projectId", "SIGNALWIRE_API_TOKEN", "apiToken",
                    "SIGNALWIRE_SPACE_URL", "spaceUrl"));

    /**
     * A path the provider posts to under the webhook's base URL.
     *
     * @param output  the stack output that shows its URL, with {@code console} saying where to paste it; none for a
     *                route kept only for what was configured before
     */
    public record Route(String path, Optional<String> output, String console) {
        static Route shown(String path, String output, String console) {
            return new Route(path, Optional.of(output), console);
        }

        static Route hidden(String path) {
            return new Route(path, Optional.empty(), "");
        }
    }

    /**
     * Where a provider's webhooks arrive: the API's routes, and the bridge's variables that hold one of their URLs
     * (variable → route), which the bridge names on each SMS it sends.
     */
    public record Webhooks(List<Route> routes, Map<String, String> bridgeUrlRoutes) {
    }

    /**
     * How its webhooks are authenticated, for the reasons given to cdk-nag (API Gateway cannot check any of them).
     *
     * @param body            what API Gateway would have to parse: "form", "JSON"
     * @param signature       "Twilio HMAC signature"
     * @param authenticatedBy "the X-Twilio-Signature HMAC"
     */
    public record Signing(String body, String signature, String authenticatedBy) {
    }

    /**
     * A secret the stack creates with a placeholder: {@code template} with {@code generatedKey} random, so nothing
     * matches it until the operator puts in the real values ({@code example} shows their shape, {@code hint} where
     * they come from).
     */
    public record SecretSpec(String description, String template, String generatedKey, String example, String hint) {
    }

    /** Texts two layouts share; a nested class, since an enum's constants cannot refer to its own static fields. */
    private static final class Text {
        static final String TWILIO_SMS = "Twilio number > Messaging > 'A message comes in' (HTTP POST). "
                + "Append '#rc=5&rp=ct,rt,5xx' so Twilio retries timeouts and 5xx answers";
        static final String TWILIO_STATUS = "delivery-status callbacks (set by the bridge on each SMS)";
    }

    private final String title;
    private final Signing signing;
    private final Webhooks webhooks;
    private final Optional<Webhooks> webhooksAlone;
    private final SecretSpec webhookSecret;
    private final SecretSpec apiSecret;
    private final Map<String, String> bridgeSecretKeys;

    Provider(String title, Signing signing, Webhooks webhooks, Optional<Webhooks> webhooksAlone,
            SecretSpec webhookSecret, SecretSpec apiSecret, Map<String, String> bridgeSecretKeys) {
        this.title = title;
        this.signing = signing;
        this.webhooks = webhooks;
        this.webhooksAlone = webhooksAlone;
        this.webhookSecret = webhookSecret;
        this.apiSecret = apiSecret;
        this.bridgeSecretKeys = bridgeSecretKeys;
    }

    /** How it is named in context, events and mappings, and by the bridge's {@code SMS_PROVIDER}: {@code twilio}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How it is named in construct ids, outputs and texts: {@code SignalWire}. */
    public String title() {
        return title;
    }

    public Signing signing() {
        return signing;
    }

    /** The webhook function's variable that names its webhook secret, and so enables it there. */
    public String lambdaSecretVariable() {
        return name() + "_SECRET_ID";
    }

    public String webhookSecretName() {
        return "sms-over-xmpp/" + id() + "/webhook";
    }

    public String apiSecretName() {
        return "sms-over-xmpp/" + id() + "/api";
    }

    /** Its routes and callback URLs in a deploy of {@code deployed}, which it is one of. */
    public Webhooks webhooks(List<Provider> deployed) {
        return deployed.equals(List.of(this)) ? webhooksAlone.orElse(webhooks) : webhooks;
    }

    public SecretSpec webhookSecret() {
        return webhookSecret;
    }

    public SecretSpec apiSecret() {
        return apiSecret;
    }

    /** The bridge's variables that ECS fills from the API secret: variable → the secret's JSON key. */
    public Map<String, String> bridgeSecretKeys() {
        return bridgeSecretKeys;
    }

    /** "Twilio", "Twilio and Telnyx", "Twilio, Telnyx and SignalWire": for descriptions. */
    public static String titles(List<Provider> providers) {
        return join(providers.stream().map(Provider::title).toList(), "and");
    }

    /** "a", "a and b", "a, b and c" (or with "or"), each once. */
    static String join(List<String> words, String conjunction) {
        List<String> distinct = words.stream().distinct().toList();
        return distinct.size() == 1 ? distinct.get(0) : String.join(", ", distinct.subList(0, distinct.size() - 1))
                + " " + conjunction + " " + distinct.get(distinct.size() - 1);
    }

    /** The context names of all providers, for messages: "twilio, telnyx, signalwire". */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Provider::id).toList());
    }

    /** @return the provider with this context name, if there is one */
    public static Optional<Provider> byId(String id) {
        return Arrays.stream(values()).filter(provider -> provider.id().equals(id)).findFirst();
    }

    /** Names and values in the order written, so the template is the same at every synth. */
    private static Map<String, String> pairs(String... namesAndValues) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(pairs);
    }
}
