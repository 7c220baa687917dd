package org.smsoverxmpp.bridge.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {
    private static final long SECOND = 1_000_000_000L;
    /** Jitter fixed at its top, so delays read as base * 2^n. */
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 0.999999);
    private final ReconnectPolicy policy = new ReconnectPolicy(backoff, Duration.ofSeconds(60));

    @Test
    void failedConnectionsBackOffExponentially() {
        assertThat(policy.disconnected(0, Duration.ZERO)).isEqualTo(Duration.ofMillis(499));
        assertThat(policy.disconnected(SECOND, Duration.ZERO)).isEqualTo(Duration.ofMillis(999));
        assertThat(policy.disconnected(2 * SECOND, Duration.ZERO)).isEqualTo(Duration.ofMillis(1999));
    }

    @Test
    void aStreamDroppedSoonAfterEachHandshakeBacksOffAsIfItNeverConnected() {
        long now = 0;
        Duration last = Duration.ZERO;
        for (int i = 0; i < 8; i++) {
            policy.connected(now);
            now += 2 * SECOND;
            last = policy.disconnected(now, Duration.ZERO);
        }

        assertThat(last).isEqualTo(Duration.ofMillis(29_999));
    }

    @Test
    void aStreamThatLivedLongEnoughStartsTheBackoffAfresh() {
        for (int i = 0; i < 5; i++) {
            policy.disconnected(i * SECOND, Duration.ZERO);
        }
        policy.connected(10 * SECOND);

        assertThat(policy.disconnected(71 * SECOND, Duration.ZERO)).isEqualTo(Duration.ofMillis(499));
    }

    @Test
    void aRejectedSecretWaitsAtLeastItsOwnMinimum() {
        assertThat(policy.disconnected(0, Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(60));
    }
}
