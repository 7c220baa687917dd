package org.smsoverxmpp.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.smsoverxmpp.events.EventCodec;
import org.smsoverxmpp.events.InboundSms;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Row 5, and row 8 under load: producers write SMS from {@code conversations} senders into the queue as the
 * webhook does, as fast as the bridge takes them (never more than {@link #BACKLOG} ahead, as a busy day
 * would look, not a deep backlog); the bridge (its own JVM, container flags) delivers them to Prosody; the
 * user's client counts them. Measured over {@code seconds} after a warm-up.
 */
final class InboundThroughput {
    static final int BACKLOG = 300;

    private final LoadRig rig;

    InboundThroughput(LoadRig rig) {
        this.rig = rig;
    }

    LoadResult run(BenchQueue queue, Duration measured, int conversations, int consumers, int run) throws Exception {
        String number = "+1202555" + String.format("%04d", 100 + run);
        String user = rig.user("inbound" + run, number);
        int capacity = LoadRig.capacity(measured);
        try (CountingUser client = new CountingUser(rig.prosody(), user, LoadRig.PASSWORD, capacity)) {
            Map<String, String> env = BridgeProcess.environment(rig.aws(), rig.prosody());
            env.putAll(queue.environment());
            env.put("QUEUE_CONSUMERS", Integer.toString(consumers));
            try (BridgeProcess bridge = BridgeProcess.start(rig.root(), env, rig.work().resolve("inbound-bridge-" + run + ".log"));
                 Producers producers = new Producers(queue, client, number, conversations, run, capacity)) {
                Map<String, Long> pids = new LinkedHashMap<>();
                pids.put("bridge", bridge.pid());
                pids.putAll(rig.otherProcesses());
                pids.put("client and producers", ProcessHandle.current().pid());
                bridge.awaitConnected();
                producers.start();
                Thread.sleep(LoadRig.WARM_UP.toMillis());
                try (ProcessSampler sampler = new ProcessSampler(pids, bridge.pid())) {
                    long from = System.nanoTime();
                    sampler.start();
                    Thread.sleep(measured.toMillis());
                    sampler.stop();
                    long to = System.nanoTime();
                    return new LoadResult(Arrivals.in(from, to, client.tally()), sampler.peakRssMb(),
                            sampler.cpuShares(), client.errors(), -1);
                }
            }
        }
    }

    /** Writes SMS as the webhook does (dedupe id = MessageSid, group = conversation), ten per request. */
    private static final class Producers implements AutoCloseable {
        private final BenchQueue queue;
        private final CountingUser client;
        private final String to;
        private final int conversations;
        private final int run;
        private final int capacity;
        private final EventCodec codec = new EventCodec();
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService threads = Executors.newFixedThreadPool(2);
        private final List<Future<?>> done = new ArrayList<>();

        Producers(BenchQueue queue, CountingUser client, String to, int conversations, int run, int capacity) {
            this.queue = queue;
            this.client = client;
            this.to = to;
            this.conversations = conversations;
            this.run = run;
            this.capacity = capacity;
        }

        void start() {
            for (int i = 0; i < 2; i++) {
                done.add(threads.submit(this::produce));
            }
        }

        private Void produce() throws InterruptedException {
            while (running.get()) {
                if (next.get() - client.tally().count() >= BACKLOG) {
                    Thread.sleep(1);
                    continue;
                }
                int first = next.getAndAdd(10);
                if (first + 10 > capacity) {
                    throw new IllegalStateException("more than " + capacity + " SMS; raise the capacity");
                }
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = first; i < first + 10; i++) {
                    InboundSms sms = new InboundSms("twilio", String.format("SM%08d%024d", run, i),
                            "+1303555" + String.format("%04d", i % conversations), to, Tally.body(i),
                            List.of(), Instant.now());
                    entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i - first))
                            .messageBody(codec.encode(sms)).messageDeduplicationId(sms.deduplicationId())
                            .messageGroupId(sms.messageGroupId()).build());
                }
                var result = queue.sqs().sendMessageBatch(r -> r.queueUrl(queue.url()).entries(entries));
                if (!result.failed().isEmpty()) {
                    throw new IllegalStateException("the queue refused: " + result.failed());
                }
            }
            return null;
        }

        @Override
        public void close() throws Exception {
            running.set(false);
            threads.shutdown();
            for (Future<?> f : done) {
                f.get(); // a producer's failure fails the row
            }
        }
    }
}
