package org.smsoverxmpp.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.bridge.status.BridgeActivity;
import org.smsoverxmpp.bridge.status.BridgeState;
import org.smsoverxmpp.bridge.status.StatePublisher;

/**
 * Tells the outside how the bridge is: every heartbeat it logs {@link #UP} or {@link #DOWN}; every few seconds it
 * publishes its state for `bin/admin status` (the publisher writes at most once a minute, unless the stream went up
 * or down) and keeps the health file the container health check looks at. The file exists, freshly written with the
 * reason, only while the bridge is healthy ({@link BridgeActivity} decides); when it is not, the file is removed, the
 * check fails, and ECS replaces the task.
 */
final class Heartbeat implements AutoCloseable {
    static final String UP = "xmpp stream up";
    static final String DOWN = "xmpp stream down";
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);
    private static final Duration TICK = Duration.ofSeconds(10);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final BridgeActivity activity;
    private final Optional<Path> healthFile;
    private final Optional<StatePublisher> publisher;
    private volatile boolean wasHealthy = true;
    private final long beatsPerLogLine;
    private long beats;

    /**
     * @param interval how often the UP/DOWN line is logged; the file and the published state are looked at more often
     *                 (every {@link #TICK} at most), so a connection that goes up or down shows within seconds
     */
    Heartbeat(BridgeActivity activity, Duration interval, Optional<Path> healthFile, Optional<StatePublisher> publisher) {
        this.activity = activity;
        this.healthFile = healthFile;
        this.publisher = publisher;
        Duration tick = interval.compareTo(TICK) < 0 ? interval : TICK;
        this.beatsPerLogLine = Math.max(1, interval.toMillis() / tick.toMillis());
        timer.scheduleAtFixedRate(this::beat, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    void beat() {
        BridgeState state = activity.snapshot();
        if (++beats % beatsPerLogLine == 0) {
            LOG.info(state.connected() ? UP : DOWN);
        }
        healthFile.ifPresent(file -> keep(file, state.health()));
        publisher.ifPresent(p -> p.publish(state));
    }

    private void keep(Path file, BridgeState.Health health) {
        try {
            if (health.healthy()) {
                // Written whole, then renamed: the check never reads half a file.
                Path next = file.resolveSibling(file.getFileName() + ".next");
                Files.writeString(next, "healthy: " + health.reason() + "\n", StandardCharsets.UTF_8);
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("cannot update health file {}: {}", file, e.getMessage());
        }
        if (wasHealthy && !health.healthy()) {
            LOG.error("unhealthy, the container health check now fails: {}", health.reason());
        }
        wasHealthy = health.healthy();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
