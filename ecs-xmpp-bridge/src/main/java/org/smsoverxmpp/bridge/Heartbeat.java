package org.smsoverxmpp.bridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.bridge.xmpp.ConnectionState;

/**
 * Tells the outside the bridge is alive. Each minute it logs {@link #UP} or {@link #DOWN} (a CloudWatch Logs
 * metric filter turns {@code UP} into the metric behind the "bridge disconnected" alarm, for free) and
 * touches a file the container health check looks at.
 */
final class Heartbeat implements AutoCloseable {
    static final String UP = "xmpp stream up";
    static final String DOWN = "xmpp stream down";
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "heartbeat");
        t.setDaemon(true);
        return t;
    });

    Heartbeat(ConnectionState state, Duration interval, Optional<Path> healthFile) {
        timer.scheduleAtFixedRate(() -> beat(state, healthFile), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static void beat(ConnectionState state, Optional<Path> healthFile) {
        LOG.info(state.isConnected() ? UP : DOWN);
        healthFile.ifPresent(file -> {
            try {
                if (Files.notExists(file)) {
                    Files.createFile(file);
                }
                Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            } catch (IOException e) {
                LOG.warn("cannot touch health file {}: {}", file, e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
