package org.smsoverxmpp.bridge.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void growsExponentiallyUpToTheCap() {
        Backoff noJitter = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 0.999999);

        assertThat(noJitter.delay(0).toMillis()).isBetween(499L, 500L);
        assertThat(noJitter.delay(3).toMillis()).isBetween(3999L, 4000L);
        assertThat(noJitter.delay(10)).isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(noJitter.delay(1000)).isLessThanOrEqualTo(Duration.ofSeconds(30)).isPositive();
    }

    @Test
    void jitterSpreadsBetweenHalfAndFull() {
        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.0).delay(2)).isEqualTo(Duration.ofSeconds(2));
    }
}
