package org.smsoverxmpp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Row 1: fresh JVMs as Lambda starts them ({@link LambdaJvm}, {@link LambdaLayout}), the webhook's handler
 * against the floor, a handler that returns at once, in the same layout with the same options, alternating
 * so both see the same machine.
 */
final class ColdStart {
    static final String WEBHOOK = "org.smsoverxmpp.webhook.WebhookHandler";
    /** The deployment package, as the stack's WebhookFunction deploys it. */
    static final String PACKAGE_SUFFIX = "-lambda.jar";
    /** The runtime WebhookFunction deploys. */
    static final String RUNTIME = "java21";
    /** What WebhookFunction adds to the function's environment that changes how it starts. */
    static final Map<String, String> DEPLOYED_ENVIRONMENT = Map.of();

    record Result(Stats webhook, Stats floor, Stats peakMb) {
        double ratio() {
            return webhook.median() / floor.median();
        }
    }

    private final LambdaLayout layout;
    private final LambdaJvm jvm;
    private final Map<String, String> environment;
    private final Path work;

    /**
     * @param environment the function's environment as the stack sets it (with {@code /var/task} meaning the
     *                    layout's task root), plus the emulator's endpoints and credentials
     */
    ColdStart(LambdaLayout layout, LambdaJvm jvm, Map<String, String> environment, Path work) {
        this.layout = layout;
        this.jvm = jvm;
        this.environment = new HashMap<>();
        environment.forEach((name, value) -> this.environment.put(name,
                value.replace("/var/task", layout.taskRoot().toString())));
        this.work = work;
    }

    /** One webhook run, whose exit writes what the options ask for (an archive). */
    void train() throws Exception {
        run(WEBHOOK, work.resolve("training.log"));
    }

    String jvmVersion() throws Exception {
        return jvm.version();
    }

    Result measure(int runs) throws Exception {
        List<Double> webhook = new ArrayList<>();
        List<Double> floor = new ArrayList<>();
        List<Double> peakMb = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            floor.add(run(ColdStartProbe.Hello.class.getName(), work.resolve("hello.log")));
            webhook.add(run(WEBHOOK, work.resolve("webhook.log")));
            requireJsonLogLine(work.resolve("webhook.log"));
            for (String line : Files.readAllLines(work.resolve("webhook.log"))) {
                if (line.startsWith("peak-rss-kb ")) {
                    peakMb.add(Long.parseLong(line.substring("peak-rss-kb ".length())) / 1024.0);
                }
            }
        }
        return new Result(new Stats(webhook), new Stats(floor), new Stats(peakMb));
    }

    /** The package's own logging is registered: its one INFO line is JSON with the invocation's request id. */
    private static void requireJsonLogLine(Path log) throws IOException {
        String output = Files.readString(log);
        if (output.lines().noneMatch(line -> line.startsWith("{\"timestamp\"") && line.contains("\"requestId\":\""))) {
            throw new IllegalStateException("the webhook wrote no JSON log line with a request id:\n" + output);
        }
    }

    /** One cold start answering a fresh SMS (a new MessageSid, so the FIFO queue takes every one). */
    private double run(String handler, Path log) throws Exception {
        SignedWebhooks.SignedForm form = SignedWebhooks.form(StaticSecrets.ACCOUNT, StaticSecrets.TOKEN,
                String.format("SM%032x", System.nanoTime()), "cold start");
        return ProcessTimer.untilExit(jvm.command(layout, ColdStartProbe.class.getName(), handler, form.body(),
                form.signature()), environment, log);
    }
}
