package org.smsoverxmpp.bridge.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smsoverxmpp.bridge.mapping.Mapping;

/**
 * The providers this bridge holds, by name, and which one each mapping sends through: the one it names, or the
 * deployment's default. Events name the provider they came from; a name this bridge does not hold still has its
 * SMS delivered (media fetched without credentials, errors described in general words).
 */
public final class Providers {
    private final Map<String, SmsProvider> byName = new LinkedHashMap<>();
    private final SmsProvider defaultProvider;

    public Providers(List<SmsProvider> providers, String defaultName) {
        providers.forEach(p -> byName.put(p.name(), p));
        this.defaultProvider = byName.get(defaultName);
        if (defaultProvider == null) {
            throw new IllegalArgumentException("the default provider '" + defaultName + "' is not among " + byName.keySet());
        }
    }

    public Optional<SmsProvider> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public SmsProvider defaultProvider() {
        return defaultProvider;
    }

    /** Empty when the mapping names a provider this bridge is not configured for. */
    public Optional<SmsProvider> forMapping(Mapping mapping) {
        return mapping.provider().isEmpty() ? Optional.of(defaultProvider) : named(mapping.provider().get());
    }

    public MediaAccess mediaAccess(String provider) {
        return named(provider).map(SmsProvider::mediaAccess).orElse(MediaAccess.NONE);
    }

    public String describeDeliveryError(String provider, String code, String text) {
        Optional<SmsProvider> known = named(provider);
        if (known.isPresent()) {
            return known.get().describeDeliveryError(code, text);
        }
        if (code == null && text == null) {
            return "no error code from the carrier";
        }
        return "error " + (code == null ? "" : code) + (text == null ? "" : (code == null ? "" : ": ") + text);
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
