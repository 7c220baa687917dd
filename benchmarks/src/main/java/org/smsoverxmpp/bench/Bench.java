package org.smsoverxmpp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.smsoverxmpp.local.LocalAws;
import org.smsoverxmpp.local.MotoServer;
import org.smsoverxmpp.local.ProsodyServer;

/**
 * The measurements bin/bench runs besides JMH, printed as the rows of docs/performance.md: webhook cold
 * start against a hello-world floor (row 1), the Lambda package (row 4), bridge memory (row 8), start-up
 * (row 9) and mappings at scale (row 10). Real servers: moto_server as AWS, Prosody as the XMPP server.
 */
public final class Bench {
    private final Path root;
    private final Path work;
    private final int runs;
    private final Duration idle;
    private final int mappings;

    Bench(Path root, Path work, int runs, Duration idle, int mappings) {
        this.root = root;
        this.work = work;
        this.runs = runs;
        this.idle = idle;
        this.mappings = mappings;
    }

    /** Arguments: runs, the repository's root, and {@code cold} for rows 1 and 4 alone. */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path root = Path.of(args.length > 1 ? args[1] : ".").toAbsolutePath().normalize();
        Bench bench = new Bench(root, Files.createTempDirectory("bench"), runs, Duration.ofSeconds(10), 100_000);
        for (String row : args.length > 2 && args[2].equals("cold") ? bench.coldStartAndPackage() : bench.run()) {
            System.out.println(row);
        }
    }

    /** Rows 1 and 4 only: what a change to the webhook's start-up is judged by. */
    List<String> coldStartAndPackage() throws Exception {
        try (MotoServer moto = MotoServer.start(work);
             LocalAws aws = new LocalAws(moto.endpoint(), moto.endpoint(), "-bench" + System.nanoTime(), 30, StaticSecrets.secretJson())) {
            List<String> rows = new ArrayList<>(coldStart(aws));
            rows.add(packageSize());
            return rows;
        }
    }

    List<String> run() throws Exception {
        List<String> rows = new ArrayList<>();
        try (MotoServer moto = MotoServer.start(work);
             LocalAws aws = new LocalAws(moto.endpoint(), moto.endpoint(), "-bench" + System.nanoTime(), 30, StaticSecrets.secretJson())) {
            rows.addAll(coldStart(aws));
            rows.add(packageSize());
            rows.addAll(new MappingsAtScale(aws, mappings).run());
            try (ProsodyServer prosody = ProsodyServer.start(work.resolve("prosody"), "sms.localhost", "bench-secret")) {
                rows.addAll(bridgeStartupAndMemory(aws, prosody));
            }
        }
        return rows;
    }

    /** Row 1: fresh JVMs as Lambda starts them, the webhook against the hello-world floor; then the variants. */
    List<String> coldStart(LocalAws aws) throws Exception {
        Map<String, String> env = new HashMap<>(ColdStart.DEPLOYED_ENVIRONMENT);
        env.putAll(aws.webhookEnvironment());
        env.putAll(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"));
        ColdStart deployed = ColdStartVariant.DEPLOYED.prepare(lambdaPackage(), env, work);
        ColdStart.Result result = deployed.measure(runs);
        String how = "the package unpacked as Lambda does, " + ColdStart.RUNTIME + "'s flags on " + deployed.jvmVersion();
        List<String> rows = new ArrayList<>(List.of(
                "| 1 | Webhook cold start (no SnapStart), " + how + " | " + result.webhook().describe("ms") + " |",
                "| 1 | Hello-world floor, same layout, JVM and options | " + result.floor().describe("ms") + " |",
                String.format("| 1 | Ratio (medians) | %.2f× (target ≤ 1.5×) |", result.ratio()),
                "| 1 | Webhook JVM peak resident set after the first request (Lambda's \"Max Memory Used\") | "
                        + result.peakMb().describe("MB") + " |"));
        // An archive is mapped by the floor too, and loads what it holds for it: each variant is also set against
        // the plain floor of its JVM, a hello world with no archive.
        Map<String, Double> plainFloor = new HashMap<>(Map.of(ColdStart.RUNTIME, result.floor().median()));
        for (ColdStartVariant variant : ColdStartVariant.OTHERS) {
            ColdStart other = variant.prepare(lambdaPackage(), env, work);
            ColdStart.Result measured = other.measure(runs);
            if (!variant.archive() && !variant.functionOnClassPath()) {
                plainFloor.put(variant.runtime(), measured.floor().median());
            }
            rows.add(String.format("| 1 | … %s (%s) | %s against a floor of %s: %.2f× (%.2f× the plain floor, %.0f ms) |",
                    variant.label(), other.jvmVersion(), measured.webhook().describe("ms"), measured.floor().describe("ms"),
                    measured.ratio(), measured.webhook().median() / plainFloor.get(variant.runtime()),
                    plainFloor.get(variant.runtime())));
        }
        return rows;
    }

    /** Row 4: the deployment artifact. */
    String packageSize() throws IOException {
        Path deployed = lambdaPackage();
        return String.format("| 4 | Lambda package %s | %.1f MB |", deployed.getFileName(), Files.size(deployed) / 1e6);
    }

    private Path lambdaPackage() throws IOException {
        return find(root.resolve("lambda-webhook/target"), ColdStart.PACKAGE_SUFFIX);
    }

    /** Rows 8 and 9: the bridge as in its container: start-up to connected, then idle resident memory. */
    List<String> bridgeStartupAndMemory(LocalAws aws, ProsodyServer prosody) throws Exception {
        List<Double> startup = new ArrayList<>();
        List<Double> residentMb = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (BridgeProcess bridge = BridgeProcess.start(root, BridgeProcess.environment(aws, prosody),
                    work.resolve("bridge-" + i + ".log"))) {
                startup.add(bridge.awaitConnected());
                Thread.sleep(idle.toMillis());
                residentMb.add(ProcessTimer.rssMb(bridge.pid()));
            }
        }
        return List.of(
                "| 9 | Bridge start-up: process start → component connected and pulling | " + new Stats(startup).describe("ms") + " |",
                "| 8 | Bridge resident set, idle " + idle.toSeconds() + " s after connecting (container flags) | " + new Stats(residentMb).describe("MB") + " |");
    }

    static Path find(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no *" + suffix + " in " + directory + "; build first"));
        }
    }
}
