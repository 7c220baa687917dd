package org.smsoverxmpp.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The deployment's choices, from CDK context ({@code -c name=value} or cdk.json). Only the XMPP server and
 * the component domain have no default; every problem is named with the way to set it, at synth time.
 */
public record GatewaySettings(
        String xmppHost,
        int xmppPort,
        boolean xmppDirectTls,
        String componentDomain,
        boolean fargateSpot,
        boolean localstack,
        Optional<String> vpcId,
        Optional<String> alarmEmail,
        int lambdaMemoryMb,
        int logRetentionDays,
        Path artifactRoot) {

    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    /** Reads context through {@code context}, which returns null for unset keys. */
    public static GatewaySettings from(Function<String, Object> context, Path artifactRoot) {
        List<String> problems = new ArrayList<>();
        boolean localstack = bool(context, "localstack", false, problems);
        String host = text(context, "xmppHost").orElse(null);
        if (host == null && !localstack) {
            problems.add("xmppHost is required: the XMPP server the bridge connects to (-c xmppHost=xmpp.example.com)");
        }
        String domain = text(context, "componentDomain").map(String::toLowerCase).orElse(null);
        if (domain == null) {
            problems.add("componentDomain is required: the XMPP component's domain (-c componentDomain=sms.example.com)");
        } else if (!DOMAIN.matcher(domain).matches()) {
            problems.add("componentDomain '" + domain + "' is not a domain name (-c componentDomain=sms.example.com)");
        }
        int port = number(context, "xmppPort", 5347, 1, 65535, problems);
        int memory = number(context, "lambdaMemoryMb", 1024, 128, 10240, problems);
        int retention = number(context, "logRetentionDays", 30, 1, 3653, problems);
        if (!RETENTION_DAYS.contains(retention)) {
            problems.add("logRetentionDays must be one of CloudWatch's values " + RETENTION_DAYS + " (-c logRetentionDays=30)");
        }
        Optional<String> email = text(context, "alarmEmail");
        email.filter(e -> !e.contains("@")).ifPresent(e -> problems.add("alarmEmail '" + e + "' is not an email address"));
        GatewaySettings settings = new GatewaySettings(host, port, bool(context, "xmppDirectTls", false, problems), domain,
                bool(context, "fargateSpot", false, problems), localstack, text(context, "vpcId"), email, memory,
                retention, artifactRoot);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("cannot synthesize the gateway:\n  - " + String.join("\n  - ", problems));
        }
        return settings;
    }

    private static Optional<String> text(Function<String, Object> context, String key) {
        Object value = context.apply(key);
        return value == null ? Optional.empty() : Optional.of(value.toString().trim()).filter(s -> !s.isEmpty());
    }

    private static boolean bool(Function<String, Object> context, String key, boolean fallback, List<String> problems) {
        Optional<String> value = text(context, key);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problems.add(key + " must be true or false (got '" + value.get() + "')");
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
        problems.add(key + " must be a whole number from " + min + " to " + max + " (got '" + value.get() + "')");
        return fallback;
    }
}
