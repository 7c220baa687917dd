package org.smsoverxmpp.webhook.logging;

import java.util.Locale;
import java.util.Map;
import org.slf4j.event.Level;

/**
 * Which events are written: the gateway's own ({@value #OURS}) from {@code LOG_LEVEL} up, INFO unless set;
 * every library's (the AWS SDK's) from WARN up.
 *
 * @param ours the lowest level written for our code, as {@link Level#toInt()}; above ERROR for {@code OFF}
 */
record LogLevels(int ours) {
    static final String OURS = "org.smsoverxmpp";
    private static final int OFF = Integer.MAX_VALUE;

    static LogLevels fromEnvironment() {
        return from(System.getenv());
    }

    /** A value that is no level counts as INFO: a typo must not silence the function's logs. */
    static LogLevels from(Map<String, String> env) {
        String value = env.getOrDefault("LOG_LEVEL", "").trim().toUpperCase(Locale.ROOT);
        if (value.equals("OFF")) {
            return new LogLevels(OFF);
        }
        for (Level level : Level.values()) {
            if (level.name().equals(value) || (value.equals("WARNING") && level == Level.WARN)) {
                return new LogLevels(level.toInt());
            }
        }
        return new LogLevels(Level.INFO.toInt());
    }

    /** The lowest level written for the logger {@code name}. */
    int threshold(String name) {
        return name.equals(OURS) || name.startsWith(OURS + ".") ? ours : Level.WARN.toInt();
    }
}
