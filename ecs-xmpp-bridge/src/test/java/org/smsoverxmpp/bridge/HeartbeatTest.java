package org.smsoverxmpp.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smsoverxmpp.bridge.status.BridgeActivity;

/** The container health check's file says the bridge is healthy, and why, only while it is. */
class HeartbeatTest {
    @TempDir
    Path dir;

    @Test
    void whileConnectedTheFileHoldsTheReason() throws Exception {
        Path file = dir.resolve("healthy");
        BridgeActivity activity = new BridgeActivity(Clock.systemUTC(), Duration.ofMinutes(5), "host, pid 1");
        activity.connected();

        try (Heartbeat heartbeat = new Heartbeat(activity, Duration.ofHours(1), Optional.of(file), Optional.empty())) {
            heartbeat.beat();
        }

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("healthy: connected since");
    }

    @Test
    void withoutAStreamForLongerThanTheGraceTheFileIsRemoved() throws Exception {
        Path file = dir.resolve("healthy");
        Files.writeString(file, "healthy: from before\n");
        BridgeActivity neverConnected = new BridgeActivity(Clock.systemUTC(), Duration.ofMillis(1), "host, pid 1");
        Thread.sleep(10);

        try (Heartbeat heartbeat = new Heartbeat(neverConnected, Duration.ofHours(1), Optional.of(file), Optional.empty())) {
            heartbeat.beat();
        }

        assertThat(neverConnected.snapshot().health().healthy()).isFalse();
        assertThat(file).doesNotExist();
    }
}
