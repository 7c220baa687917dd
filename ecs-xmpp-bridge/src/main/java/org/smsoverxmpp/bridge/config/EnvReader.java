package org.smsoverxmpp.bridge.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reads typed values from environment variables, collecting every problem instead of stopping at the first. */
public final class EnvReader {
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    public EnvReader(Map<String, String> env) {
        this.env = env;
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    public String required(String name, String hint) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            problems.add(name + " is required (" + hint + ")");
        }
        return value.orElse(null);
    }

    public int positiveInt(String name, int fallback) {
        return parsed(name, fallback, Integer::valueOf, n -> n > 0, "a positive whole number");
    }

    public Optional<URI> url(String name) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(value.get());
            if (uri.getScheme() != null && uri.getScheme().startsWith("http") && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(name + " must be an http(s) URL (got '" + value.get() + "')");
        return Optional.empty();
    }

    public <T> T parsed(String name, T fallback, Function<String, T> parse, java.util.function.Predicate<T> valid, String expected) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            T parsed = parse.apply(value.get());
            if (valid.test(parsed)) {
                return parsed;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        problems.add(name + " must be " + expected + " (got '" + value.get() + "')");
        return fallback;
    }

    public void problem(String text) {
        problems.add(text);
    }

    /** Throws naming every problem found, if any. */
    public void check() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }
}
