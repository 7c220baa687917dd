package org.smsoverxmpp.events;

import java.util.regex.Pattern;

/**
 * The name an SMS provider goes by in events and mappings ({@code twilio}, {@code telnyx}): 2 to 16 lower-case
 * ASCII letters and digits, starting with a letter. Each provider's own code supplies its name; nothing here
 * lists them, so adding a provider changes nothing in the contract.
 */
public final class ProviderName {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{1,15}");

    private ProviderName() {
    }

    /** @throws IllegalArgumentException when {@code name} breaks the rule */
    public static String check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("provider '" + name + "' is not 2 to 16 lower-case letters and digits");
        }
        return name;
    }
}
