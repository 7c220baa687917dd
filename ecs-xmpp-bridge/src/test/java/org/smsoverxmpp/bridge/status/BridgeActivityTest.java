package org.smsoverxmpp.bridge.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.bridge.metrics.LinkFailure;

/** What the bridge publishes about itself, and the one rule that says whether it is healthy. */
class BridgeActivityTest {
    static final Duration GRACE = Duration.ofMinutes(5);

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-01-05T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void pass(Duration duration) {
            now = now.plus(duration);
        }
    }

    final MovingClock clock = new MovingClock();
    final BridgeActivity activity = new BridgeActivity(clock, GRACE, "host, pid 1");

    @Test
    void connectedIsHealthyAndSaysSince() {
        Instant at = clock.now;
        activity.connected();

        BridgeState state = activity.snapshot();

        assertThat(state.connected()).isTrue();
        assertThat(state.lastConnected()).contains(at);
        assertThat(state.health().healthy()).isTrue();
        assertThat(state.health().reason()).contains("connected since " + at);
    }

    @Test
    void aStreamDownForLessThanTheGraceIsStillHealthyThenNot() {
        activity.connected();
        activity.disconnected();
        activity.connectionFailed(LinkFailure.unreachable("Connection refused"));

        clock.pass(GRACE.minusSeconds(1));
        assertThat(activity.snapshot().health().healthy()).isTrue();

        clock.pass(Duration.ofSeconds(2));
        BridgeState.Health health = activity.snapshot().health();
        assertThat(health.healthy()).isFalse();
        assertThat(health.reason()).contains("no XMPP stream", "Connection refused", "a restart may help");
    }

    @Test
    void aBridgeThatNeverConnectedGetsTheGraceFromItsStart() {
        activity.connectionFailed(LinkFailure.unreachable("Connection refused"));
        assertThat(activity.snapshot().health().healthy()).isTrue();

        clock.pass(GRACE.plusSeconds(1));
        assertThat(activity.snapshot().health().healthy()).isFalse();
    }

    @Test
    void aRejectedSecretStaysHealthyBecauseARestartCannotFixIt() {
        activity.connectionFailed(LinkFailure.secretRejected("not-authorized"));
        activity.disconnected();

        clock.pass(GRACE.multipliedBy(3));
        activity.connectionFailed(LinkFailure.secretRejected("not-authorized"));
        BridgeState state = activity.snapshot();

        assertThat(state.health().healthy()).isTrue();
        assertThat(state.health().reason()).contains("refused", "a restart cannot fix this");
        assertThat(state.lastFailure()).get().satisfies(f -> assertThat(f.restartCannotFix()).isTrue());
    }

    @Test
    void trafficIsCountedOverTheLastHourOnly() {
        activity.inboundDelivered();
        activity.outboundSent();
        clock.pass(Duration.ofMinutes(30));
        activity.inboundDelivered();
        activity.outboundRefused("item-not-found");

        assertThat(activity.snapshot().lastHour()).isEqualTo(new BridgeState.Traffic(2, 0, 0, 1, 1));

        clock.pass(Duration.ofMinutes(31));
        assertThat(activity.snapshot().lastHour()).isEqualTo(new BridgeState.Traffic(1, 0, 0, 0, 1));
    }

    @Test
    void theStateSurvivesItsTripThroughTheTableItem() {
        activity.connected();
        activity.inboundDelivered();
        activity.disconnected();
        activity.connectionFailed(LinkFailure.certificateRejected("expired"));
        BridgeState state = activity.snapshot();

        assertThat(StateItem.from(StateItem.of(state))).isEqualTo(state);
    }
}
