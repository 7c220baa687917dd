package org.smsoverxmpp.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Remembers the servers a local run started, so that a run killed without its shutdown hook (SIGKILL, a crash) does
 * not leave them holding the ports: the next run stops them first. A process counts as left over only if its id,
 * its start time and its executable all match what was written; an unrelated process that reused the id is left
 * alone. A clean stop removes the file.
 */
final class LeftoverProcesses {
    private static final String FILE = "pids";

    /** One started process as written: id, start time (epoch ms), executable. */
    record Started(long pid, long startMillis, String command) {
        static Optional<Started> of(ProcessHandle process) {
            ProcessHandle.Info info = process.info();
            if (info.startInstant().isEmpty() || info.command().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Started(process.pid(), info.startInstant().get().toEpochMilli(), info.command().get()));
        }

        static Optional<Started> parse(String line) {
            String[] parts = line.trim().split(" ", 3);
            try {
                return parts.length < 3 ? Optional.empty()
                        : Optional.of(new Started(Long.parseLong(parts[0]), Long.parseLong(parts[1]), parts[2]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        String line() {
            return pid + " " + startMillis + " " + command;
        }

        /** The live process this record describes, if it still runs: same id, same start, same executable. */
        Optional<ProcessHandle> stillRunning() {
            return ProcessHandle.of(pid).filter(p -> Started.of(p).filter(this::equals).isPresent());
        }
    }

    private LeftoverProcesses() {
    }

    static void remember(Path dir, List<Long> pids) throws IOException {
        List<String> lines = new ArrayList<>();
        for (long pid : pids) {
            ProcessHandle.of(pid).flatMap(Started::of).ifPresent(started -> lines.add(started.line()));
        }
        Files.write(dir.resolve(FILE), lines, StandardCharsets.UTF_8);
    }

    /** After a clean stop nothing is left over. */
    static void forget(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve(FILE));
        } catch (IOException e) {
            System.err.println("could not remove " + dir.resolve(FILE) + ": " + e.getMessage());
        }
    }

    static void stop(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Started.parse(line).flatMap(Started::stillRunning).ifPresent(p -> {
                System.out.println("stopping " + p.info().command().orElse("process") + " (" + p.pid()
                        + ", started " + p.info().startInstant().map(Instant::toString).orElse("?")
                        + ") left over from an earlier run");
                p.destroy();
                try {
                    p.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    p.destroyForcibly();
                }
            });
        }
        Files.delete(file);
    }
}
