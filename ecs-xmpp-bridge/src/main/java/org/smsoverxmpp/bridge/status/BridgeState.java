package org.smsoverxmpp.bridge.status;

import java.time.Instant;
import java.util.Optional;

/**
 * What the bridge says about itself, published for `bin/admin status`: whether its stream is up, since when or
 * since when not, the last failure, and its traffic in the last hour.
 *
 * @param runsOn where it runs (host name and process id), so an operator can tell a stale record from a live one
 */
public record BridgeState(Instant at, String runsOn, boolean connected, Optional<Instant> lastConnected,
        Optional<Instant> disconnectedSince, Optional<Failure> lastFailure, Traffic lastHour, Health health) {

    /** The latest reason a connection attempt failed. */
    public record Failure(Instant at, String text, boolean restartCannotFix) {
    }

    public record Traffic(long inboundDelivered, long inboundRetried, long inboundRejected, long outboundSent,
            long outboundRefused) {
    }

    /** Whether the container counts as healthy, and the reason in words, as the health file says it. */
    public record Health(boolean healthy, String reason) {
    }
}
