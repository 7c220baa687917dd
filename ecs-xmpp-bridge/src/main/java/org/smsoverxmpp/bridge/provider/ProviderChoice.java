package org.smsoverxmpp.bridge.provider;

import java.util.List;
import org.smsoverxmpp.bridge.config.EnvReader;

/**
 * The providers this bridge may send through, and the one a mapping that names none uses ({@code SMS_PROVIDER};
 * without it, the only one configured).
 */
public record ProviderChoice(List<ProviderSettings> configured, String defaultName) {
    public ProviderChoice {
        configured = List.copyOf(configured);
    }

    public static ProviderChoice read(EnvReader env, List<ProviderSettings> configured) {
        List<String> names = configured.stream().map(ProviderSettings::name).toList();
        String chosen = env.optional("SMS_PROVIDER").orElse(null);
        if (chosen == null && names.size() > 1) {
            env.problem("SMS_PROVIDER is required when more than one provider is configured (" + String.join(", ", names)
                    + "): the provider for mappings that name none");
        } else if (chosen == null) {
            chosen = names.isEmpty() ? null : names.get(0);
        } else if (!names.contains(chosen)) {
            env.problem("SMS_PROVIDER is '" + chosen + "', which is not configured (configured: "
                    + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
        }
        return new ProviderChoice(configured, chosen);
    }

    public Providers open(int maxConnections) {
        return new Providers(configured.stream().map(p -> p.open(maxConnections)).toList(), defaultName);
    }
}
