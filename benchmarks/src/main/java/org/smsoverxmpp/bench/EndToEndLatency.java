package org.smsoverxmpp.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.smsoverxmpp.local.FreePort;
import org.smsoverxmpp.local.LocalApiGateway;
import org.smsoverxmpp.local.TwilioWebhookForms;
import org.smsoverxmpp.local.WebhookPoster;
import org.smsoverxmpp.webhook.WebhookConfig;
import org.smsoverxmpp.webhook.WebhookHandler;
import org.smsoverxmpp.webhook.WebhookWiring;

/**
 * Row 7: signed webhook POSTs at a steady {@code rate} (the handler behind a local API-Gateway-style
 * endpoint, its auth token from Secrets Manager in moto) → queue → bridge (own JVM, container flags) →
 * Prosody → the user's client. Latency is from just before the POST to the client's receipt, same clock.
 */
final class EndToEndLatency {
    /** MessageSids of this row start here, apart from the inbound row's: the queue drops repeated ones. */
    private static final int LATENCY_RUNS = 7_000;

    record Result(double p50Ms, double p99Ms, double maxMs, int delivered, int sent, int refused, double webhookP50Ms,
            double webhookP99Ms, CpuPerSms cpu) {
        String describe() {
            return String.format("p50 %.1f ms, p99 %.1f ms, max %.0f ms (%,d of %,d delivered; %d refused); "
                    + "the webhook's answer alone: p50 %.1f ms, p99 %.1f ms", p50Ms, p99Ms, maxMs, delivered, sent, refused,
                    webhookP50Ms, webhookP99Ms);
        }
    }

    private final LoadRig rig;

    EndToEndLatency(LoadRig rig) {
        this.rig = rig;
    }

    /** @param settle traffic at {@code rate} before latencies and CPU count */
    Result run(BenchQueue queue, int rate, Duration settle, Duration measured, int run) throws Exception {
        String number = "+1202555" + String.format("%04d", 300 + run);
        String user = rig.user("latency" + run, number);
        int warmUp = (int) (rate * settle.toSeconds());
        int total = warmUp + (int) (rate * measured.toSeconds());
        int port = FreePort.find();
        String url = "http://127.0.0.1:" + port + "/sms";
        Map<String, String> webhookEnv = rig.webhookEnvironment(queue, port);
        Map<String, String> bridgeEnv = rig.bridgeEnvironment(queue);
        AtomicLongArray sentAt = new AtomicLongArray(total);
        AtomicLongArray answeredAt = new AtomicLongArray(total);
        AtomicInteger refused = new AtomicInteger();
        try (CountingUser client = new CountingUser(rig.prosody(), user, LoadRig.PASSWORD, total);
             LocalApiGateway api = new LocalApiGateway("127.0.0.1", port,
                     new WebhookHandler(WebhookWiring.fromEnvironment(WebhookConfig.from(webhookEnv))));
             BridgeProcess bridge = BridgeProcess.start(rig.root(), bridgeEnv, rig.work().resolve("latency-bridge-" + run + ".log"))) {
            bridge.awaitConnected();
            WebhookPoster twilio = new WebhookPoster(StaticSecrets.TOKEN);
            // Twilio posts concurrently; a POST that takes long must not delay the next one's start.
            ScheduledExecutorService posters = Executors.newScheduledThreadPool(8);
            AtomicInteger next = new AtomicInteger();
            posters.scheduleAtFixedRate(() -> {
                int i = next.getAndIncrement();
                if (i >= total) {
                    return;
                }
                posters.execute(() -> post(twilio, url, run, i, number, sentAt, answeredAt, refused));
            }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
            // Row 12: the CPU each SMS costs, counted from the end of the warm-up to the last arrival.
            Thread.sleep(settle.toMillis());
            CpuPerSms.Counter cpu = new CpuPerSms.Counter(bridge.pid(), api::handlerCpuNanos, () -> client.tally().count());
            client.tally().await(total, Duration.ofSeconds(30));
            CpuPerSms used = cpu.stop();
            // A message can reach the client before its POST's answer reaches the poster: let the last ones finish.
            posters.shutdown();
            if (!posters.awaitTermination(30, TimeUnit.SECONDS)) {
                posters.shutdownNow();
            }
            List<Double> latencies = new ArrayList<>();
            List<Double> webhook = new ArrayList<>();
            for (int i = warmUp; i < total; i++) {
                if (client.tally().arrival(i) != 0 && sentAt.get(i) != 0) {
                    latencies.add((client.tally().arrival(i) - sentAt.get(i)) / 1e6);
                }
                if (answeredAt.get(i) != 0) {
                    webhook.add((answeredAt.get(i) - sentAt.get(i)) / 1e6);
                }
            }
            Collections.sort(latencies);
            Collections.sort(webhook);
            return new Result(percentile(latencies, 50), percentile(latencies, 99), latencies.get(latencies.size() - 1),
                    client.tally().count(), total, refused.get(), percentile(webhook, 50), percentile(webhook, 99), used);
        }
    }

    private static void post(WebhookPoster twilio, String url, int run, int i, String to, AtomicLongArray sentAt,
            AtomicLongArray answeredAt, AtomicInteger refused) {
        try {
            sentAt.set(i, System.nanoTime());
            var response = twilio.post(url, TwilioWebhookForms.sms(String.format("SM%08d%024d", LATENCY_RUNS + run, i), StaticSecrets.ACCOUNT,
                    "+1303555" + String.format("%04d", i % 100), to, Tally.body(i)));
            answeredAt.set(i, System.nanoTime());
            if (response.statusCode() != 200) {
                refused.incrementAndGet();
                System.err.println("webhook refused SMS " + i + ": HTTP " + response.statusCode() + " " + response.body());
            }
        } catch (Exception e) {
            refused.incrementAndGet();
            System.err.println("webhook POST of SMS " + i + " failed: " + e);
        }
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            throw new IllegalStateException("no message arrived");
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
