package org.smsoverxmpp.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Remembers the servers a local run started, so that a run killed without its shutdown hook (SIGKILL,
 * a crash) does not leave them holding the ports: the next run stops them first.
 */
final class LeftoverProcesses {
    private static final String FILE = "pids";

    private LeftoverProcesses() {
    }

    static void remember(Path dir, Optional<Long> prosody, Optional<Long> moto) throws IOException {
        String pids = Stream.of(prosody, moto).flatMap(Optional::stream).map(String::valueOf)
                .collect(Collectors.joining("\n"));
        Files.writeString(dir.resolve(FILE), pids + "\n", StandardCharsets.UTF_8);
    }

    static void stop(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            ProcessHandle.of(Long.parseLong(line.trim()))
                    .filter(p -> p.info().commandLine().map(c -> c.contains("prosody") || c.contains("moto")).orElse(false))
                    .ifPresent(p -> {
                        System.out.println("stopping " + p.info().command().orElse("process") + " (" + p.pid()
                                + ") left over from an earlier run");
                        p.destroy();
                        try {
                            p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (Exception e) {
                            p.destroyForcibly();
                        }
                    });
        }
        Files.delete(file);
    }
}
