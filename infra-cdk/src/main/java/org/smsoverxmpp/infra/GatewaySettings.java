package org.smsoverxmpp.infra;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The deployment's choices, from CDK context ({@code -c name=value} or cdk.json). Only the XMPP server and
 * the component domain have no default; every problem is named with the way to set it, at synth time.
 *
 * @param providers the SMS providers deployed for; each gets its routes and secrets
 * @param rehearsal leave out what the AWS emulator used by bin/rehearse-deploy cannot model (see
 *                  docs/configuration.md); never for a real deployment
 */
public record GatewaySettings(
        DeployedProviders providers,
        XmppLink xmpp,
        String componentDomain,
        boolean fargateSpot,
        boolean localstack,
        boolean rehearsal,
        Optional<String> vpcId,
        Optional<String> alarmEmail,
        int lambdaMemoryMb,
        boolean snapStart,
        Optional<String> webhookBaseUrl,
        boolean apiGatewayCloudWatchRole,
        int logRetentionDays,
        Path artifactRoot) {

    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    /** Secrets Manager's characters for a name. */
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
    /** A complete secret ARN ends with the 6 characters Secrets Manager appends; IAM needs it to match exactly. */
    private static final Pattern SECRET_ARN =
            Pattern.compile("arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{6}");

    /** Reads context through {@code context}, which returns null for unset keys. */
    public static GatewaySettings from(Function<String, Object> context, Path artifactRoot) {
        List<String> problems = new ArrayList<>();
        boolean localstack = bool(context, "localstack", false, problems);
        String domain = text(context, "componentDomain").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        if (domain == null) {
            problems.add("componentDomain is required: the XMPP component's domain (-c componentDomain=sms.example.com)");
        } else if (!DOMAIN.matcher(domain).matches()) {
            problems.add("componentDomain '" + domain + "' is not a domain name (-c componentDomain=sms.example.com)");
        }
        DeployedProviders providers = DeployedProviders.from(context, problems);
        XmppLink xmpp = xmppLink(context, localstack, problems);
        int memory = number(context, "lambdaMemoryMb", 1024, 128, 10240, problems);
        int retention = number(context, "logRetentionDays", 30, 1, 3653, problems);
        if (!RETENTION_DAYS.contains(retention)) {
            problems.add("logRetentionDays must be one of CloudWatch's values " + RETENTION_DAYS + " (-c logRetentionDays=30)");
        }
        Optional<String> email = text(context, "alarmEmail");
        email.filter(e -> !e.contains("@")).ifPresent(e -> problems.add("alarmEmail '" + e + "' is not an email address"));
        Optional<String> webhookBaseUrl = text(context, "webhookBaseUrl");
        webhookBaseUrl.flatMap(GatewaySettings::baseUrlProblem).ifPresent(problems::add);
        GatewaySettings settings = new GatewaySettings(providers, xmpp, domain, bool(context, "fargateSpot", false, problems),
                localstack, bool(context, "rehearsal", false, problems), text(context, "vpcId"), email, memory,
                bool(context, "snapStart", true, problems), webhookBaseUrl,
                bool(context, "apiGatewayCloudWatchRole", true, problems), retention, artifactRoot);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot synthesize the gateway:\n  - " + String.join("\n  - ", problems));
        }
        return settings;
    }

    private static XmppLink xmppLink(Function<String, Object> context, boolean localstack, List<String> problems) {
        String host = text(context, "xmppHost").orElse(null);
        if (host == null && !localstack) {
            problems.add("xmppHost is required: the XMPP server the bridge connects to (-c xmppHost=xmpp.example.com)");
        }
        if (text(context, "xmppDirectTls").isPresent()) {
            problems.add("xmppDirectTls is gone: TLS is now the default; use -c xmppTls=direct (verified TLS from the "
                    + "first byte) or, only on a private network, -c xmppTls=none (cleartext)");
        }
        XmppLink.Tls tls = choice(context, "xmppTls", XmppLink.Tls.class, XmppLink.Tls.DIRECT, problems);
        Optional<String> serverName = text(context, "xmppTlsServerName").map(s -> s.toLowerCase(Locale.ROOT));
        serverName.filter(name -> !DOMAIN.matcher(name).matches()).ifPresent(name -> problems.add("xmppTlsServerName '"
                + name + "' is not a host name: the name in the server's certificate (-c xmppTlsServerName=xmpp.example.com)"));
        Optional<String> caSecret = text(context, "xmppTlsCaSecret");
        caSecret.filter(s -> s.startsWith("arn:") ? !SECRET_ARN.matcher(s).matches() : !SECRET_NAME.matcher(s).matches())
                .ifPresent(s -> problems.add("xmppTlsCaSecret '" + s + "' is neither a secret name nor a complete secret "
                        + "ARN (with its 6-character suffix, as `aws secretsmanager describe-secret` shows it) "
                        + "(-c xmppTlsCaSecret=xmpp/ca-pem)"));
        if (tls == XmppLink.Tls.NONE && (serverName.isPresent() || caSecret.isPresent())) {
            problems.add("xmppTlsServerName and xmppTlsCaSecret verify TLS, but xmppTls=none turns it off; drop them or "
                    + "use -c xmppTls=direct");
        }
        return new XmppLink(host, number(context, "xmppPort", 5347, 1, 65535, problems), tls, serverName, caSecret);
    }

    /** An https base URL with no trailing slash, query or fragment: the signature covers the exact URL. */
    private static Optional<String> baseUrlProblem(String url) {
        String how = " (-c webhookBaseUrl=https://sms-hooks.example.com)";
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                return Optional.of("webhookBaseUrl '" + url + "' must be an https:// URL" + how);
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null || url.endsWith("/")) {
                return Optional.of("webhookBaseUrl '" + url + "' must have no query, fragment or trailing slash" + how);
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("webhookBaseUrl '" + url + "' is not a URL" + how);
        }
    }

    /** A set, non-blank value, trimmed; package-private so {@link DeployedProviders} reads its keys alike. */
    static Optional<String> text(Function<String, Object> context, String key) {
        Object value = context.apply(key);
        return value == null ? Optional.empty() : Optional.of(value.toString().trim()).filter(s -> !s.isEmpty());
    }

    private static <E extends Enum<E>> E choice(Function<String, Object> context, String key, Class<E> type, E fallback,
            List<String> problems) {
        Optional<String> value = text(context, key);
        if (value.isEmpty()) {
            return fallback;
        }
        for (E option : type.getEnumConstants()) {
            if (option.name().equalsIgnoreCase(value.get())) {
                return option;
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        problems.add(key + " must be one of " + String.join(", ", names) + " (got '" + value.get() + "'; -c " + key + "="
                + fallback.name().toLowerCase(Locale.ROOT) + ")");
        return fallback;
    }

    private static boolean bool(Function<String, Object> context, String key, boolean fallback, List<String> problems) {
        Optional<String> value = text(context, key);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problems.add(key + " must be true or false (got '" + value.get() + "'; -c " + key + "=" + fallback + ")");
                yield fallback;
            }
        };
    }

    private static int number(Function<String, Object> context, String key, int fallback, int min, int max,
            List<String> problems) {
        Optional<String> value = text(context, key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(key + " must be a whole number from " + min + " to " + max + " (got '" + value.get() + "'; -c "
                + key + "=" + fallback + ")");
        return fallback;
    }
}
