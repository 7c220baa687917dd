package org.smsoverxmpp.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The bridge as its own JVM, as in the container: for signals, crashes and exit codes. */
public final class BridgeProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private BridgeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static BridgeProcess start(Map<String, String> env, Path log) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // UTF-8 as on Java 21 in the container; JDK 17 would write the log in the platform's charset.
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-Dfile.encoding=UTF-8", "-cp",
                System.getProperty("java.class.path"), "org.smsoverxmpp.bridge.BridgeMain"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().put("AWS_ACCESS_KEY_ID", "test");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        builder.environment().putAll(env);
        try {
            return new BridgeProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void awaitOutput(String text, Duration timeout) throws InterruptedException {
        awaitOutput(text, 1, timeout);
    }

    /** Waits until {@code text} has been logged {@code times} times: a retry, say. */
    public void awaitOutput(String text, int times, Duration timeout) {
        try {
            org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                    .until(() -> occurrences(text) >= times);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("bridge logged '" + text + "' " + occurrences(text) + " of " + times
                    + " times; output:\n" + output(), e);
        }
    }

    private int occurrences(String text) {
        String output = output();
        int count = 0;
        for (int at = output.indexOf(text); at >= 0; at = output.indexOf(text, at + text.length())) {
            count++;
        }
        return count;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as ECS sends on a deployment or scale-in. @return the exit code, or -1 if still running */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** SIGKILL: no shutdown hook, no flush. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
