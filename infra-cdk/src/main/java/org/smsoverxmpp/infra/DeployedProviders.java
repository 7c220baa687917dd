package org.smsoverxmpp.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The SMS providers the stack deploys for (context {@code providers}, in the order given) and the one the bridge
 * sends through when a mapping names none ({@code defaultProvider}, else the first).
 */
public record DeployedProviders(List<Provider> list, Provider byDefault) {
    /** Twilio alone: what the stack deployed before providers were a choice. */
    public static final DeployedProviders TWILIO_ONLY = new DeployedProviders(List.of(Provider.TWILIO), Provider.TWILIO);

    public DeployedProviders {
        list = List.copyOf(list);
        if (!list.contains(byDefault)) {
            throw new IllegalArgumentException(byDefault + " is not among " + list);
        }
    }

    /** Reads both from {@code context} (null for unset keys), adding each problem with how to fix it. */
    static DeployedProviders from(Function<String, Object> context, List<String> problems) {
        List<Provider> list = list(GatewaySettings.text(context, "providers"), problems);
        return new DeployedProviders(list, byDefault(GatewaySettings.text(context, "defaultProvider"), list, problems));
    }

    /** A comma list of known providers, each once; Twilio alone when unset, as before providers were a choice. */
    private static List<Provider> list(Optional<String> value, List<String> problems) {
        if (value.isEmpty()) {
            return TWILIO_ONLY.list();
        }
        String how = " (-c providers=twilio,telnyx; known: " + Provider.ids() + ")";
        List<Provider> providers = new ArrayList<>();
        for (String name : value.get().split(",", -1)) {
            String id = name.trim().toLowerCase(Locale.ROOT);
            Optional<Provider> provider = Provider.byId(id);
            if (id.isEmpty()) {
                problems.add("providers '" + value.get() + "' has an empty name" + how);
            } else if (provider.isEmpty()) {
                problems.add("providers: '" + name.trim() + "' is no provider the gateway knows" + how);
            } else if (providers.contains(provider.get())) {
                problems.add("providers: '" + id + "' is named twice" + how);
            } else {
                providers.add(provider.get());
            }
        }
        // With problems the synth stops anyway; Twilio stands in so the other checks still run.
        return providers.isEmpty() ? TWILIO_ONLY.list() : List.copyOf(providers);
    }

    private static Provider byDefault(Optional<String> value, List<Provider> providers, List<String> problems) {
        Optional<String> id = value.map(s -> s.toLowerCase(Locale.ROOT));
        if (id.isEmpty()) {
            return providers.get(0);
        }
        Optional<Provider> provider = Provider.byId(id.get()).filter(providers::contains);
        if (provider.isEmpty()) {
            problems.add("defaultProvider '" + value.get() + "' must be one of the providers deployed ("
                    + String.join(", ", providers.stream().map(Provider::id).toList()) + "); add it to providers "
                    + "or choose one of them (-c defaultProvider=" + providers.get(0).id() + ")");
            return providers.get(0);
        }
        return provider.get();
    }

    /** The only provider, when there is one: then the bridge needs no {@code SMS_PROVIDER}. */
    public Optional<Provider> alone() {
        return list.size() == 1 ? Optional.of(list.get(0)) : Optional.empty();
    }

    /** {@code provider}'s routes and callback URLs in this deploy. */
    public Provider.Webhooks webhooks(Provider provider) {
        return provider.webhooks(list);
    }

    /** "Twilio", or "Twilio, Telnyx and SignalWire": for descriptions. */
    public String titles() {
        return Provider.titles(list);
    }
}
