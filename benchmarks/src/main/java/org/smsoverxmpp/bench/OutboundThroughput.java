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

    /** What a paced run measured: row 13 at its rate, and row 15 before any traffic. */
    record Paced(CpuPerSms cpu, double idleCoreShare, LoadResult load) {
    }

    LoadResult run(Map<String, String> queueEnvironment, Duration measured, int conversations, int run)
            throws Exception {
        return run(queueEnvironment, LoadRig.WARM_UP, measured, conversations, run, 0).load();
    }

    /**
     * @param rate SMS per second the client writes, or 0 for as fast as the bridge sends; a paced run also
     *             measures the bridge's idle CPU first, over {@link #IDLE}
     */
    Paced run(Map<String, String> queueEnvironment, Duration settle, Duration measured, int conversations, int run, int rate)
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
                double idle = rate > 0 ? idleShare(bridge.pid()) : -1;
                AtomicBoolean running = new AtomicBoolean(true);
                Thread writer = new Thread(() -> write(client, atTwilio, rig.prosody().componentDomain(), conversations,
                        rate, running), "user-writes");
                writer.start();
                try (ProcessSampler sampler = new ProcessSampler(pids, bridge.pid())) {
                    Thread.sleep(settle.toMillis());
                    long from = System.nanoTime();
                    sampler.start();
                    CpuPerSms.Counter cpu = new CpuPerSms.Counter(bridge.pid(), null, atTwilio::count);
                    Thread.sleep(measured.toMillis());
                    CpuPerSms used = cpu.stop();
                    sampler.stop();
                    long to = System.nanoTime();
                    return new Paced(used, idle, new LoadResult(Arrivals.in(from, to, atTwilio), sampler.peakRssMb(),
                            sampler.cpuShares(), client.errors(), bridge.linesContaining("will have no receipt")));
                } finally {
                    running.set(false);
                    writer.join();
                }
            }
        }
    }

    /** How long row 15 watches a connected bridge with nothing to do. */
    static final Duration IDLE = Duration.ofSeconds(20);

    /** The share of one core the bridge takes with nothing to do: its long polls, pings and timers. */
    private static double idleShare(long pid) throws InterruptedException {
        Thread.sleep(LoadRig.WARM_UP.toMillis()); // start-up's compilation and first calls are over
        long before = ProcessSampler.ticks(pid);
        Thread.sleep(IDLE.toMillis());
        return (ProcessSampler.ticks(pid) - before) / 100.0 / IDLE.toSeconds();
    }

    private static void write(CountingUser client, Tally atTwilio, String domain, int conversations, int rate,
            AtomicBoolean running) {
        long start = System.nanoTime();
        try {
            for (int i = 0; running.get(); i++) {
                while (i - atTwilio.count() >= InboundThroughput.BACKLOG && running.get()) {
                    Thread.sleep(1);
                }
                long due = rate == 0 ? 0 : start + i * 1_000_000_000L / rate;
                while (System.nanoTime() < due && running.get()) {
                    Thread.sleep(Math.max(1, (due - System.nanoTime()) / 1_000_000));
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
