package org.smsoverxmpp.bridge.config;

import java.util.List;

/** The configuration cannot work; the message names every variable that is missing or invalid. */
public class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("invalid configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
