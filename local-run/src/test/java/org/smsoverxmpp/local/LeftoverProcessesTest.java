package org.smsoverxmpp.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed without cleaning up: its servers are stopped next time, and nothing else is. */
class LeftoverProcessesTest {
    @TempDir
    Path dir;
    Process sleeper;

    @AfterEach
    void stopSleeper() {
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
    }

    Process sleep() throws Exception {
        sleeper = new ProcessBuilder("sleep", "60").start();
        return sleeper;
    }

    @Test
    void aRememberedProcessStillRunningIsStoppedAndTheFileRemoved() throws Exception {
        Process leftover = sleep();
        LeftoverProcesses.remember(dir, List.of(leftover.pid()));

        LeftoverProcesses.stop(dir);

        assertThat(leftover.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(dir.resolve("pids")).doesNotExist();
    }

    @Test
    void aProcessThatReusedTheIdIsLeftAlone() throws Exception {
        Process unrelated = sleep();
        var started = LeftoverProcesses.Started.of(unrelated.toHandle()).orElseThrow();
        // The id of the earlier run's server, now someone else's: it started at another time.
        Files.writeString(dir.resolve("pids"), new LeftoverProcesses.Started(started.pid(), started.startMillis() - 60_000,
                started.command()).line() + "\n");

        LeftoverProcesses.stop(dir);

        assertThat(unrelated.isAlive()).isTrue();
    }

    @Test
    void aProcessWithAnotherExecutableIsLeftAlone() throws Exception {
        Process unrelated = sleep();
        var started = LeftoverProcesses.Started.of(unrelated.toHandle()).orElseThrow();
        Files.writeString(dir.resolve("pids"), new LeftoverProcesses.Started(started.pid(), started.startMillis(),
                "/usr/bin/prosody").line() + "\n");

        LeftoverProcesses.stop(dir);

        assertThat(unrelated.isAlive()).isTrue();
    }

    @Test
    void aCleanStopLeavesNoFile() throws Exception {
        LeftoverProcesses.remember(dir, List.of(sleep().pid()));

        LeftoverProcesses.forget(dir);

        assertThat(dir.resolve("pids")).doesNotExist();
    }
}
