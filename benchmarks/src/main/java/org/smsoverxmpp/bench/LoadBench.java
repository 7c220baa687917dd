package org.smsoverxmpp.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.smsoverxmpp.local.LocalAws;
import org.smsoverxmpp.local.MotoServer;
import org.smsoverxmpp.local.ProsodyServer;

/**
 * The load rows of docs/performance.md: inbound throughput (5), outbound throughput (6), end-to-end
 * latency (7), the bridge's memory under load (8), CPU per SMS at a moderate rate in each direction (12, 13),
 * inbound at full speed with the webhook in the path (14) and the bridge's idle CPU (15). Real servers: Prosody, moto_server for DynamoDB and
 * Secrets Manager, ElasticMQ (or moto) as the queue, WireMock as Twilio; the bridge runs in its own JVM
 * with the container's flags. Options as name=value: see {@link #DEFAULTS}.
 */
public final class LoadBench {
    static final Map<String, String> DEFAULTS = defaults();
    private static final String MOTO = "moto_server 5.2";

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("rows", "5,6,7,12,13,14,15");
        d.put("runs", "3");
        d.put("seconds", "60");      // measured, after a 5 s warm-up
        d.put("conversations", "200");
        d.put("consumers", "4");     // the bridge's QUEUE_CONSUMERS
        d.put("queue", "elasticmq"); // or moto
        d.put("rate", "50");         // row 7's SMS/s
        d.put("warmup", "40");       // seconds of traffic to warm the queue server before the rows
        // Seconds at the paced rows' rate (7, 12, 13) before they count: a bridge runs for days, so its JIT has long
        // compiled what an SMS runs; the first minute of a fresh JVM measures its start-up, not an SMS.
        d.put("settle", "60");
        d.put("root", ".");
        return d;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(DEFAULTS);
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2 || !options.containsKey(pair[0])) {
                throw new IllegalArgumentException("usage: LoadBench [name=value]…, names: " + options.keySet());
            }
            options.put(pair[0], pair[1]);
        }
        for (String row : run(options)) {
            System.out.println(row);
        }
        System.exit(0); // client libraries may leave non-daemon threads behind
    }

    /** @param options {@link #DEFAULTS}, some replaced */
    static List<String> run(Map<String, String> options) throws Exception {
        Path root = Path.of(options.get("root")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("loadbench");
        int runs = Integer.parseInt(options.get("runs"));
        Duration measured = Duration.ofSeconds(Long.parseLong(options.get("seconds")));
        int conversations = Integer.parseInt(options.get("conversations"));
        List<String> rowsWanted = List.of(options.get("rows").split(","));
        List<String> rows = new ArrayList<>();
        try (MotoServer moto = MotoServer.start(work);
             LocalAws aws = new LocalAws(moto.endpoint(), moto.endpoint(), "-load" + System.nanoTime(), 30, StaticSecrets.secretJson());
             ProsodyServer prosody = ProsodyServer.start(work.resolve("prosody"), "sms.localhost", "bench-secret");
             ElasticMq elasticMq = new ElasticMq(work, 30)) {
            boolean onMoto = options.get("queue").equals("moto");
            BenchQueue motoQueue = new BenchQueue(MOTO, moto.endpoint(), aws.queueUrl, aws.outboxUrl, aws.sqs);
            IntFunction<BenchQueue> queueFor = run -> onMoto ? motoQueue : elasticMq.newQueue("-run" + run);
            String queueName = onMoto ? MOTO : ElasticMq.NAME;
            Map<String, Long> servers = new LinkedHashMap<>();
            prosody.pid().ifPresent(pid -> servers.put("prosody", pid));
            moto.pid().ifPresent(pid -> servers.put("moto", pid));
            servers.put("elasticmq", elasticMq.pid());
            // The queue server is a fresh JVM that needs about 40 s of traffic to compile its hot paths; SQS
            // is always warm. One discarded inbound run warms it for every row.
            LoadRig rig = new LoadRig(root, work, aws, prosody, servers);
            InboundThroughput inbound = new InboundThroughput(rig);
            int consumers = Integer.parseInt(options.get("consumers"));
            inbound.run(queueFor.apply(0), Duration.ofSeconds(Long.parseLong(options.get("warmup"))), conversations, consumers, 0);
            for (int run = 1; run <= runs && rowsWanted.contains("5"); run++) {
                LoadResult result = inbound.run(queueFor.apply(5_00 + run), measured, conversations, consumers, run);
                rows.add("| 5 | Inbound, " + queueName + " → bridge → Prosody → client | " + result.describe() + " |");
                rows.add(String.format("| 8 | Bridge resident set under the inbound load (peak) | %.0f MB |", result.peakRssMb()));
            }
            OutboundThroughput outbound = new OutboundThroughput(rig);
            for (int run = 1; run <= runs && rowsWanted.contains("6"); run++) {
                LoadResult result = outbound.run(queueFor.apply(6_00 + run).environment(), measured, conversations, run);
                rows.add("| 6 | Outbound, client → Prosody → bridge → WireMock (+ sent-messages table in moto) | "
                        + result.describe() + " |");
                rows.add(String.format("| 8 | Bridge resident set under the outbound load (peak) | %.0f MB |", result.peakRssMb()));
            }
            EndToEndLatency latency = new EndToEndLatency(rig);
            int rate = Integer.parseInt(options.get("rate"));
            Duration settle = Duration.ofSeconds(Long.parseLong(options.get("settle")));
            for (int run = 1; run <= runs && (rowsWanted.contains("7") || rowsWanted.contains("12")); run++) {
                EndToEndLatency.Result result = latency.run(queueFor.apply(7_00 + run), rate, settle, measured, run);
                rows.add("| 7 | Latency at " + rate + " SMS/s, signed webhook POST → " + queueName + " → client | "
                        + result.describe() + " |");
                rows.add("| 12 | CPU per SMS, inbound at " + rate + " SMS/s through the webhook | " + result.cpu().describe() + " |");
            }
            for (int run = 1; run <= runs && (rowsWanted.contains("13") || rowsWanted.contains("15")); run++) {
                OutboundThroughput.Paced paced = outbound.run(queueFor.apply(13_00 + run).environment(), settle, measured,
                        conversations, 10 + run, rate);
                rows.add("| 13 | CPU per SMS, outbound at " + rate + " SMS/s, client → bridge → WireMock | "
                        + paced.cpu().describe() + " (" + paced.load().arrivals().describe() + ") |");
                rows.add(String.format("| 15 | Bridge CPU while idle (connected, %d queue consumers long-polling) | %.1f %% of a core |",
                        consumers, 100 * paced.idleCoreShare()));
            }
            WebhookInbound webhookInbound = new WebhookInbound(rig);
            for (int run = 1; run <= runs && rowsWanted.contains("14"); run++) {
                rows.add("| 14 | Inbound at full speed with the webhook in the path, " + WebhookInbound.POSTERS
                        + " posters → " + queueName + " → bridge → client | "
                        + webhookInbound.run(queueFor.apply(14_00 + run), measured, conversations, run).describe() + " |");
            }
        }
        return rows;
    }
}
