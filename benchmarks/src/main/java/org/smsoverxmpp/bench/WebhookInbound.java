package org.smsoverxmpp.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.smsoverxmpp.local.FreePort;
import org.smsoverxmpp.local.LocalApiGateway;
import org.smsoverxmpp.local.TwilioWebhookForms;
import org.smsoverxmpp.local.WebhookPoster;
import org.smsoverxmpp.webhook.WebhookConfig;
import org.smsoverxmpp.webhook.WebhookHandler;
import org.smsoverxmpp.webhook.WebhookWiring;

/**
 * Row 14: inbound at the highest rate the whole path takes, the webhook in it: {@link #POSTERS} clients post
 * signed SMS as fast as the handler answers (behind the local API-Gateway-style endpoint, four handler threads,
 * the webhook's own SQS client) → queue → bridge (own JVM) → Prosody → the client. The CPU shares name what
 * saturates: this JVM holds the webhook, the posters and the receiving client.
 */
final class WebhookInbound {
    /** MessageSids of this row start here, apart from the other rows': the queue drops repeated ones. */
    private static final int RUNS = 14_000;
    static final int POSTERS = 16;

    private final LoadRig rig;

    WebhookInbound(LoadRig rig) {
        this.rig = rig;
    }

    LoadResult run(BenchQueue queue, Duration measured, int conversations, int run) throws Exception {
        String number = "+1202555" + String.format("%04d", 400 + run);
        String user = rig.user("webhookin" + run, number);
        int port = FreePort.find();
        String url = "http://127.0.0.1:" + port + "/sms";
        Map<String, String> webhookEnv = rig.webhookEnvironment(queue, port);
        Map<String, String> bridgeEnv = rig.bridgeEnvironment(queue);
        int capacity = LoadRig.capacity(measured);
        try (CountingUser client = new CountingUser(rig.prosody(), user, LoadRig.PASSWORD, capacity);
             LocalApiGateway api = new LocalApiGateway("127.0.0.1", port,
                     new WebhookHandler(WebhookWiring.fromEnvironment(WebhookConfig.from(webhookEnv))));
             BridgeProcess bridge = BridgeProcess.start(rig.root(), bridgeEnv, rig.work().resolve("webhook-in-bridge-" + run + ".log"))) {
            bridge.awaitConnected();
            Map<String, Long> pids = new LinkedHashMap<>();
            pids.put("bridge", bridge.pid());
            pids.putAll(rig.otherProcesses());
            pids.put("webhook, posters and client", ProcessHandle.current().pid());
            WebhookPoster twilio = new WebhookPoster(StaticSecrets.TOKEN);
            AtomicInteger next = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService posters = Executors.newFixedThreadPool(POSTERS);
            for (int p = 0; p < POSTERS; p++) {
                posters.execute(() -> {
                    for (int i = next.getAndIncrement(); running.get() && i < capacity; i = next.getAndIncrement()) {
                        post(twilio, url, run, i, number, conversations, refused);
                    }
                });
            }
            try (ProcessSampler sampler = new ProcessSampler(pids, bridge.pid())) {
                Thread.sleep(LoadRig.WARM_UP.toMillis());
                long from = System.nanoTime();
                sampler.start();
                Thread.sleep(measured.toMillis());
                sampler.stop();
                long to = System.nanoTime();
                return new LoadResult(Arrivals.in(from, to, client.tally()), sampler.peakRssMb(),
                        sampler.cpuShares() + "; webhook refusals " + refused.get(), client.errors(), -1);
            } finally {
                running.set(false);
                posters.shutdown();
                posters.awaitTermination(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void post(WebhookPoster twilio, String url, int run, int i, String to, int conversations,
            AtomicInteger refused) {
        try {
            var response = twilio.post(url, TwilioWebhookForms.sms(String.format("SM%08d%024d", RUNS + run, i),
                    StaticSecrets.ACCOUNT, "+1303555" + String.format("%04d", i % conversations), to, Tally.body(i)));
            if (response.statusCode() != 200) {
                refused.incrementAndGet();
            }
        } catch (Exception e) {
            refused.incrementAndGet();
        }
    }
}
