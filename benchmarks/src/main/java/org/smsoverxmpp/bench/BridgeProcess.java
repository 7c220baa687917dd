package org.smsoverxmpp.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smsoverxmpp.local.LocalAws;
import org.smsoverxmpp.local.XmppServer;

/** The bridge jar in its own JVM, with the container image's flags, as ECS runs it. */
final class BridgeProcess implements AutoCloseable {
    /** The JVM flags of the bridge's container image (ecs-xmpp-bridge/Dockerfile), in a 0.5 GB task. */
    static final List<String> CONTAINER_FLAGS = List.of("-XX:+UseSerialGC", "-XX:MaxRAM=512m",
            "-XX:MaxRAMPercentage=60", "-Xss512k", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=32m",
            "-XX:+ExitOnOutOfMemoryError");

    private final Process process;
    private final long started;
    private final Path output;

    private BridgeProcess(Process process, long started, Path output) {
        this.process = process;
        this.started = started;
        this.output = output;
    }

    /** The environment a bridge needs for these servers; callers add or override the rest. */
    static Map<String, String> environment(LocalAws aws, XmppServer xmpp) {
        Map<String, String> env = new HashMap<>(xmpp.bridgeEnvironment(xmpp.componentPort()));
        env.putAll(aws.bridgeEnvironment());
        env.putAll(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "TWILIO_ACCOUNT_SID", StaticSecrets.ACCOUNT, "TWILIO_AUTH_TOKEN", StaticSecrets.TOKEN));
        // For measuring the receive rhythm side by side: QUEUE_GATHER_MS=0 bin/bench … turns it off.
        String gather = System.getenv("QUEUE_GATHER_MS");
        if (gather != null && !gather.isBlank()) {
            env.put("QUEUE_GATHER_MS", gather);
        }
        return env;
    }

    static BridgeProcess start(Path root, Map<String, String> env, Path output) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessTimer.java().toString()));
        command.addAll(CONTAINER_FLAGS);
        // Extra flags for one measurement (a profiler, another JIT setting): BENCH_BRIDGE_JAVA_OPTS="-XX:… -XX:…".
        String extra = System.getenv("BENCH_BRIDGE_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", Bench.find(root.resolve("ecs-xmpp-bridge/target"), "-all.jar").toString()));
        long started = System.nanoTime();
        return new BridgeProcess(ProcessTimer.start(command, env, output), started, output);
    }

    /** @return milliseconds from process start to the component being connected */
    double awaitConnected() throws Exception {
        return ProcessTimer.until(process, started, output, "connected to", Duration.ofSeconds(60));
    }

    /** How many lines of the bridge's log so far contain {@code text}. */
    long linesContaining(String text) throws java.io.IOException {
        try (var lines = java.nio.file.Files.lines(output)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
