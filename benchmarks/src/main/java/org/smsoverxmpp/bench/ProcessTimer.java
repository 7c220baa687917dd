package org.smsoverxmpp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts a child JVM and measures until it exits, or until its output shows a line. */
final class ProcessTimer {
    private ProcessTimer() {
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static Process start(List<String> command, Map<String, String> env, Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Milliseconds from start to a successful exit. */
    static double untilExit(List<String> command, Map<String, String> env, Path output) throws Exception {
        long started = System.nanoTime();
        Process process = start(command, env, output);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("probe failed: " + Files.readString(output, StandardCharsets.UTF_8));
        }
        return (System.nanoTime() - started) / 1e6;
    }

    /** Milliseconds from {@code started} until {@code output} contains {@code text}. */
    static double until(Process process, long started, Path output, String text, Duration timeout) throws Exception {
        long deadline = started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(output) && Files.readString(output, StandardCharsets.UTF_8).contains(text)) {
                return (System.nanoTime() - started) / 1e6;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("never printed '" + text + "': " + Files.readString(output, StandardCharsets.UTF_8));
    }

    /** Resident set size in MB, from /proc. */
    static double rssMb(long pid) throws IOException {
        return statusMb(Path.of("/proc", Long.toString(pid), "status"), "VmRSS");
    }

    /** A memory figure (VmRSS, VmHWM, …) of a /proc/…/status file, in MB. */
    static double statusMb(Path status, String field) throws IOException {
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no " + field + " in " + status);
    }
}
