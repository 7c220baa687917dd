package org.smsoverxmpp.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Row 6, and row 8 under that load: the user's client writes to {@code conversations} numbers as fast as
 * the bridge sends (never more than {@link InboundThroughput#BACKLOG} ahead of Twilio); the bridge (its own
 * JVM, container flags) sends each through the Twilio SDK to WireMock and records it in the sent-messages
 * table for its status callbacks. Measured at WireMock over {@code seconds} after a warm-up.
 */
final class OutboundThroughput {
    private final LoadRig rig;

    OutboundThroughput(LoadRig rig) {
        this.rig = rig;
    }

    LoadResult run(Map<String, String> queueEnvironment, Duration measured, int conversations, int run)
            throws Exception {
        String user = rig.user("outbound" + run, "+1202555" + String.format("%04d", 200 + run));
        Tally atTwilio = new Tally(LoadRig.capacity(measured));
        try (TwilioApi twilio = new TwilioApi(atTwilio);
             CountingUser client = new CountingUser(rig.prosody(), user, LoadRig.PASSWORD, 1)) {
            Map<String, String> env = BridgeProcess.environment(rig.aws(), rig.prosody());
            env.putAll(queueEnvironment);
            env.put("TWILIO_API_BASE_URL", twilio.baseUrl());
            try (BridgeProcess bridge = BridgeProcess.start(rig.root(), env, rig.work().resolve("outbound-bridge-" + run + ".log"))) {
                Map<String, Long> pids = new LinkedHashMap<>();
                pids.put("bridge", bridge.pid());
                pids.putAll(rig.otherProcesses());
                pids.put("client and WireMock", ProcessHandle.current().pid());
                bridge.awaitConnected();
                AtomicBoolean running = new AtomicBoolean(true);
                Thread writer = new Thread(() -> write(client, atTwilio, rig.prosody().componentDomain(), conversations, running),
                        "user-writes");
                writer.start();
                try (ProcessSampler sampler = new ProcessSampler(pids, bridge.pid())) {
                    Thread.sleep(LoadRig.WARM_UP.toMillis());
                    long from = System.nanoTime();
                    sampler.start();
                    Thread.sleep(measured.toMillis());
                    sampler.stop();
                    long to = System.nanoTime();
                    return new LoadResult(Arrivals.in(from, to, atTwilio), sampler.peakRssMb(),
                            sampler.cpuShares(), client.errors(), bridge.linesContaining("will have no receipt"));
                } finally {
                    running.set(false);
                    writer.join();
                }
            }
        }
    }

    private static void write(CountingUser client, Tally atTwilio, String domain, int conversations,
            AtomicBoolean running) {
        try {
            for (int i = 0; running.get(); i++) {
                while (i - atTwilio.count() >= InboundThroughput.BACKLOG && running.get()) {
                    Thread.sleep(1);
                }
                client.send(MessageBuilder.buildMessage("b" + i).ofType(Message.Type.chat)
                        .to(JidCreate.entityBareFrom("+1303555" + String.format("%04d", i % conversations)
                                + "@" + domain))
                        .setBody(Tally.body(i)).build());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("the client could not write", e);
        }
    }
}
