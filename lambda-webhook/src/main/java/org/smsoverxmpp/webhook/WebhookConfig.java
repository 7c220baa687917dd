package org.smsoverxmpp.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Lambda's settings, all from environment variables (docs/configuration.md). Every missing or invalid
 * variable is named at once, and the function refuses to start rather than run half-configured.
 *
 * @param providerSecretIds each enabled provider's secret variable ({@code TELNYX_SECRET_ID}) and its secret id
 */
public record WebhookConfig(
        String queueUrl,
        Map<String, String> providerSecretIds,
        Optional<String> publicBaseUrl,
        Optional<String> twilioUrlFragment,
        Duration secretMaxAge,
        int maxBodyBytes,
        WebhookBudget budget,
        Optional<String> awsRegion,
        Optional<URI> awsEndpoint,
        Optional<URI> sqsEndpoint) {

    public static WebhookConfig fromEnvironment() {
        return from(System.getenv());
    }

    public static WebhookConfig from(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String queueUrl = required(env, "QUEUE_URL", problems);
        Map<String, String> secretIds = new LinkedHashMap<>();
        for (String variable : WebhookProviders.secretVariables()) {
            optional(env, variable).ifPresent(id -> secretIds.put(variable, id));
        }
        if (secretIds.isEmpty()) {
            problems.add("no provider is enabled: set at least one of "
                    + String.join(", ", WebhookProviders.secretVariables()));
        }
        Optional<String> baseUrl = optional(env, "PUBLIC_BASE_URL").map(u -> u.replaceAll("/+$", ""));
        baseUrl.filter(u -> !u.startsWith("https://") && !u.startsWith("http://"))
                .ifPresent(u -> problems.add("PUBLIC_BASE_URL must start with https:// (got '" + u + "')"));
        // Connection overrides Twilio reads from the URL's fragment; the signature may cover them.
        Optional<String> fragment = optional(env, "TWILIO_URL_FRAGMENT").map(f -> f.startsWith("#") ? f.substring(1) : f);
        fragment.filter(f -> f.isEmpty() || f.chars().anyMatch(c -> c <= ' ' || c >= 0x7f))
                .ifPresent(f -> problems.add("TWILIO_URL_FRAGMENT must be the fragment after #, e.g. rc=5&rp=ct,rt,5xx"));
        int maxAge = positiveInt(env, "SECRET_MAX_AGE_SECONDS", 300, problems);
        int maxBody = positiveInt(env, "MAX_BODY_BYTES", 64 * 1024, problems);
        int budgetMs = positiveInt(env, "WEBHOOK_BUDGET_MS", (int) WebhookBudget.DEFAULT.toMillis(), problems);
        if (budgetMs < WebhookBudget.MIN.toMillis() || budgetMs > WebhookBudget.MAX.toMillis()) {
            problems.add("WEBHOOK_BUDGET_MS must be between " + WebhookBudget.MIN.toMillis() + " and "
                    + WebhookBudget.MAX.toMillis() + ", well inside the function's 15 s (got " + budgetMs + ")");
            budgetMs = (int) WebhookBudget.DEFAULT.toMillis();
        }
        Optional<URI> endpoint = optional(env, "AWS_ENDPOINT_URL").map(URI::create);
        // The SDKs' own name for a per-service endpoint: a separate SQS-compatible queue (ElasticMQ, say).
        Optional<URI> sqsEndpoint = optional(env, "AWS_ENDPOINT_URL_SQS").map(URI::create).or(() -> endpoint);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("webhook configuration invalid: " + String.join("; ", problems));
        }
        return new WebhookConfig(queueUrl, Map.copyOf(secretIds), baseUrl, fragment, Duration.ofSeconds(maxAge), maxBody,
                new WebhookBudget(Duration.ofMillis(budgetMs)), optional(env, "AWS_REGION"), endpoint, sqsEndpoint);
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static String required(Map<String, String> env, String name, List<String> problems) {
        Optional<String> value = optional(env, name);
        if (value.isEmpty()) {
            problems.add(name + " is required");
        }
        return value.orElse(null);
    }

    private static int positiveInt(Map<String, String> env, String name, int fallback, List<String> problems) {
        Optional<String> value = optional(env, name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " must be a positive whole number (got '" + value.get() + "')");
        return fallback;
    }
}
