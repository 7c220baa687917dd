package org.smsoverxmpp.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A server the tests run as a child process, its output in a log file under target/. */
final class ServerProcess {
    private final String name;
    private final Process process;

    private ServerProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    static ServerProcess start(String name, List<String> command, Map<String, String> env, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            return new ServerProcess(name, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " (" + command.get(0)
                    + "); bin/test installs what the tests need", e);
        }
    }

    /** Runs a command to completion, its output appended to {@code log}. @return true if it exited 0 in time */
    static boolean run(List<String> command, Path log, java.time.Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command.get(0) + "; bin/test installs what the tests need", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Process process() {
        return process;
    }

    /** SIGTERM, then SIGKILL if it does not go within 10 s. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
