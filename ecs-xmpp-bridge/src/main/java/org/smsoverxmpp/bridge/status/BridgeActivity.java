package org.smsoverxmpp.bridge.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.smsoverxmpp.bridge.metrics.GatewayMetrics;
import org.smsoverxmpp.bridge.metrics.LinkFailure;

/**
 * Keeps what the bridge publishes about itself from the same calls that feed its metrics: when the stream was last
 * up, the last failure, and the last hour's traffic. Judges health by one rule: the stream is up, or was up (or the
 * bridge started) less than {@code grace} ago, or the server is refusing the secret or the certificate, which the
 * bridge keeps retrying and a restart cannot fix.
 */
public final class BridgeActivity implements GatewayMetrics {
    private final Clock clock;
    private final Duration grace;
    private final String runsOn;
    private final LastHour inboundDelivered = new LastHour();
    private final LastHour inboundRetried = new LastHour();
    private final LastHour inboundRejected = new LastHour();
    private final LastHour outboundSent = new LastHour();
    private final LastHour outboundRefused = new LastHour();
    private boolean connected;
    private Instant lastConnected;
    private Instant disconnectedSince;
    private BridgeState.Failure lastFailure;

    public BridgeActivity(Clock clock, Duration grace, String runsOn) {
        this.clock = clock;
        this.grace = grace;
        this.runsOn = runsOn;
        this.disconnectedSince = second();
    }

    @Override
    public synchronized void inboundDelivered() {
        inboundDelivered.add(clock.instant());
    }

    @Override
    public synchronized void inboundRetried() {
        inboundRetried.add(clock.instant());
    }

    @Override
    public synchronized void inboundRejected() {
        inboundRejected.add(clock.instant());
    }

    @Override
    public synchronized void outboundSent() {
        outboundSent.add(clock.instant());
    }

    @Override
    public synchronized void outboundRefused(String condition) {
        outboundRefused.add(clock.instant());
    }

    @Override
    public synchronized void connected() {
        connected = true;
        lastConnected = second();
        disconnectedSince = null;
    }

    @Override
    public synchronized void disconnected() {
        if (connected || disconnectedSince == null) {
            disconnectedSince = second();
        }
        connected = false;
    }

    @Override
    public synchronized void connectionFailed(LinkFailure failure) {
        lastFailure = new BridgeState.Failure(second(), failure.toString(), failure.restartCannotFix());
    }

    /** Times a person reads, to the second. */
    private Instant second() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    public synchronized BridgeState snapshot() {
        Instant now = clock.instant();
        BridgeState.Traffic traffic = new BridgeState.Traffic(inboundDelivered.total(now), inboundRetried.total(now),
                inboundRejected.total(now), outboundSent.total(now), outboundRefused.total(now));
        return new BridgeState(now, runsOn, connected, Optional.ofNullable(lastConnected),
                Optional.ofNullable(disconnectedSince), Optional.ofNullable(lastFailure), traffic, health(now));
    }

    private BridgeState.Health health(Instant now) {
        if (connected) {
            return new BridgeState.Health(true, "connected since " + lastConnected);
        }
        Duration down = Duration.between(disconnectedSince, now);
        String failure = lastFailure == null ? "" : "; last failure: " + lastFailure.text();
        if (lastFailure != null && lastFailure.restartCannotFix() && !lastFailure.at().isBefore(disconnectedSince)) {
            return new BridgeState.Health(true, "refused by the XMPP server since " + disconnectedSince + failure
                    + "; retrying, and a restart cannot fix this: fix the configuration");
        }
        if (down.compareTo(grace) < 0) {
            return new BridgeState.Health(true, "reconnecting, without a stream for " + down.toSeconds() + " s" + failure);
        }
        return new BridgeState.Health(false, "no XMPP stream for " + down.toMinutes() + " min (more than "
                + grace.toMinutes() + ")" + failure + "; a restart may help");
    }
}
