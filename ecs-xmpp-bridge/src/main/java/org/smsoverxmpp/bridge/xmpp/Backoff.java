package org.smsoverxmpp.bridge.xmpp;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Capped exponential backoff with jitter: {@code base * 2^attempt}, capped, then scaled by a random factor
 * in [0.5, 1) so a fleet of bridges does not reconnect in lockstep after a server restart.
 */
public record Backoff(Duration base, Duration cap, DoubleSupplier random) {

    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), Math::random);
    }

    public Duration delay(int attempt) {
        long baseMillis = base.toMillis();
        int shift = Math.min(Math.max(attempt, 0), 30);
        long exponential = baseMillis << shift;
        long capped = exponential <= 0 || exponential > cap.toMillis() ? cap.toMillis() : exponential;
        double factor = 0.5 + 0.5 * random.getAsDouble();
        return Duration.ofMillis(Math.max(1, (long) (capped * factor)));
    }
}
