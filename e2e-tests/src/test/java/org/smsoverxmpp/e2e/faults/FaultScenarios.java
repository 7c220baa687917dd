package org.smsoverxmpp.e2e.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.jxmpp.jid.impl.JidCreate;
import org.smsoverxmpp.e2e.harness.XmppUser;
import org.smsoverxmpp.local.TwilioWebhookForms;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The fault suite's scenarios: numbered messages at a steady rate, faults at even intervals while they flow,
 * then a count at the receiving side ({@link Tally}). Sizes come from {@link Size}: a short one for CI, the
 * full one for {@code bin/chaos}.
 */
final class FaultScenarios {
    /** How much traffic, and how many faults. */
    record Size(int messages, int perSecond, int faults, Duration freeze) {
        static final Size SHORT = new Size(120, 20, 1, Duration.ofSeconds(10));
        static final Size FULL = new Size(1000, 20, 3, Duration.ofSeconds(30));

        Duration traffic() {
            return Duration.ofMillis(messages * 1000L / perSecond);
        }
    }

    /** What breaks while the messages flow. */
    enum Fault { NONE, KILL_BRIDGE, RESTART_XMPP, FREEZE_AWS, PROVIDER_TROUBLE, TERMINATE_BRIDGE }

    private static final String ALICE = "+15550001001";
    private static final String BOB = "+15550001002";
    private static final String CAROL = "+15550003333";
    private static final Duration SETTLE = Duration.ofSeconds(150);
    static final Duration UNPROTECTED_WINDOW = Duration.ofMillis(200);

    private final Size size;
    /** When each SIGKILL of the bridge happened (nanoTime), for the window a kill leaves unprotected. */
    private final List<Long> kills = new java.util.concurrent.CopyOnWriteArrayList<>();

    FaultScenarios(Size size) {
        this.size = size;
    }

    /** SMS in from 40 senders to two users while {@code fault} happens; optionally messages out alongside. */
    Tally inbound(String name, Fault fault) throws Exception {
        try (FaultRig rig = new FaultRig(name)) {
            XmppUser alice = rig.user("alice", ALICE);
            XmppUser bob = rig.user("bob", BOB);
            rig.startBridge();
            TwilioLikeSender sender = new TwilioLikeSender(rig.webhookUrl, FaultRig.TOKEN);
            ExecutorService pool = Executors.newFixedThreadPool(48);
            Map<String, Integer> numberOf = new HashMap<>();
            List<Future<TwilioLikeSender.Result>> results = new ArrayList<>();
            Thread faults = faults(rig, fault, List.of(alice, bob), null);
            long start = System.nanoTime();
            for (int n = 0; n < size.messages(); n++) {
                pace(start, n);
                String sid = String.format("SM%032d", n);
                numberOf.put(sid, n);
                var form = TwilioWebhookForms.sms(sid, FaultRig.ACCOUNT, String.format("+1555700%04d", n % 40),
                        n % 2 == 0 ? ALICE : BOB, "in-" + n);
                results.add(pool.submit(() -> sender.post(form)));
            }
            faults.join();
            int accepted = 0;
            int refused = 0;
            for (Future<TwilioLikeSender.Result> result : results) {
                TwilioLikeSender.Result r = result.get();
                accepted += r == TwilioLikeSender.Result.ACCEPTED ? 1 : 0;
                refused += r == TwilioLikeSender.Result.ACCEPTED ? 0 : 1;
            }
            pool.shutdown();
            int expected = accepted;
            awaitCount(() -> uniqueInbound(alice, bob), expected);
            Map<String, Integer> copies = inboundCopies(alice, bob);
            int delivered = (int) copies.values().stream().filter(c -> c >= 1).count();
            int duplicated = copies.values().stream().mapToInt(c -> Math.max(0, c - 1)).sum();
            int lost = Math.max(0, accepted - delivered);
            String notes = orderViolations(alice, bob, numberOf) + " order violations"
                    + (duplicated > 0 ? "; each duplicate has the original's stanza id and origin-id" : "");
            return new Tally(name, size.messages(), accepted, delivered, lost, duplicated, refused, 0, lost, 0, notes);
        }
    }

    /** Messages out from one user to 16 numbers while {@code fault} happens. */
    Tally outbound(String name, Fault fault) throws Exception {
        try (FaultRig rig = new FaultRig(name)) {
            XmppUser carol = rig.user("carol", CAROL);
            rig.startBridge();
            kills.clear();
            long[] written = new long[size.messages()];
            Thread faults = faults(rig, fault, List.of(carol), rig.provider);
            long start = System.nanoTime();
            for (int n = 0; n < size.messages(); n++) {
                pace(start, n);
                written[n] = System.nanoTime();
                carol.send(StanzaBuilder.buildMessage("out-" + n).ofType(Message.Type.chat)
                        .to(JidCreate.from(String.format("+1555600%04d", n % 16) + "@" + FaultRig.COMPONENT))
                        .setBody("out-" + n).addExtension(new DeliveryReceiptRequest()).build());
            }
            faults.join();
            rig.provider.mode(ProviderDouble.Mode.ACCEPT);
            awaitCount(() -> answeredOutbound(carol, rig.provider), size.messages());
            return outboundTally(name, carol, rig.provider, written);
        }
    }

    /** SIGTERM while SMS flow both ways; the bridge is started again once it has exited. */
    Tally terminateUnderLoad(String name) throws Exception {
        try (FaultRig rig = new FaultRig(name)) {
            XmppUser alice = rig.user("alice", ALICE);
            XmppUser carol = rig.user("carol", CAROL);
            rig.startBridge();
            TwilioLikeSender sender = new TwilioLikeSender(rig.webhookUrl, FaultRig.TOKEN);
            ExecutorService pool = Executors.newFixedThreadPool(32);
            List<Future<TwilioLikeSender.Result>> results = new ArrayList<>();
            AtomicInteger exitMillis = new AtomicInteger(-1);
            Thread terminate = new Thread(() -> {
                try {
                    Thread.sleep(size.traffic().toMillis() / 2);
                    Duration took = rig.terminateBridge(Duration.ofSeconds(40));
                    exitMillis.set(took == null ? -1 : (int) took.toMillis());
                    Thread.sleep(1_000);
                    rig.startBridge();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            terminate.start();
            long start = System.nanoTime();
            for (int n = 0; n < size.messages(); n++) {
                pace(start, n);
                var form = TwilioWebhookForms.sms(String.format("SM%032d", n), FaultRig.ACCOUNT,
                        String.format("+1555700%04d", n % 40), ALICE, "in-" + n);
                results.add(pool.submit(() -> sender.post(form)));
                carol.send(StanzaBuilder.buildMessage("out-" + n).ofType(Message.Type.chat)
                        .to(JidCreate.from(String.format("+1555600%04d", n % 16) + "@" + FaultRig.COMPONENT))
                        .setBody("out-" + n).addExtension(new DeliveryReceiptRequest()).build());
            }
            terminate.join();
            int accepted = 0;
            for (Future<TwilioLikeSender.Result> result : results) {
                accepted += result.get() == TwilioLikeSender.Result.ACCEPTED ? 1 : 0;
            }
            pool.shutdown();
            int acceptedIn = accepted;
            awaitCount(() -> uniqueInbound(alice), acceptedIn);
            awaitCount(() -> answeredOutbound(carol, rig.provider), size.messages());
            Map<String, Integer> copies = inboundCopies(alice);
            int delivered = (int) copies.values().stream().filter(c -> c >= 1).count();
            int duplicated = copies.values().stream().mapToInt(c -> Math.max(0, c - 1)).sum();
            int receipts = receiptsRecorded(rig);
            Tally out = outboundTally(name + " (out)", carol, rig.provider, null);
            String notes = "exit after SIGTERM " + (exitMillis.get() < 0 ? "not within 40 s" : exitMillis.get() + " ms")
                    + "; receipt records " + receipts + " of " + rig.provider.sids().size()
                    + "; out: " + out.delivered() + " sent once, " + out.errors() + " errors, " + out.maybe() + " maybe, "
                    + out.duplicated() + " duplicated, " + out.silent() + " silent";
            return new Tally(name, size.messages() * 2, acceptedIn + size.messages(), delivered + out.delivered(),
                    Math.max(0, acceptedIn - delivered), duplicated + out.duplicated(), out.errors(), out.maybe(),
                    Math.max(0, acceptedIn - delivered) + out.silent(), 0, notes);
        }
    }

    /** The faults, at even intervals over the traffic, on a thread of their own. */
    private Thread faults(FaultRig rig, Fault fault, List<XmppUser> users, ProviderDouble provider) {
        Thread thread = new Thread(() -> {
            try {
                long slice = size.traffic().toMillis() / (size.faults() + 1);
                for (int k = 1; k <= size.faults(); k++) {
                    Thread.sleep(slice);
                    inject(rig, fault, users, provider, slice);
                }
            } catch (Exception e) {
                throw new IllegalStateException("fault injection failed", e);
            }
        }, "faults");
        thread.start();
        return thread;
    }

    private void inject(FaultRig rig, Fault fault, List<XmppUser> users, ProviderDouble provider, long slice) throws Exception {
        switch (fault) {
            case KILL_BRIDGE -> {
                kills.add(System.nanoTime());
                rig.killBridge();
                Thread.sleep(2_000);
                rig.startBridge();
            }
            case RESTART_XMPP -> {
                rig.restartXmppServer(Duration.ofSeconds(2));
                for (XmppUser user : users) {
                    loginAgain(user);
                }
            }
            case FREEZE_AWS -> rig.freezeAws(size.freeze());
            case PROVIDER_TROUBLE -> {
                // A slice of each kind of trouble, then back to normal for the next slice.
                for (ProviderDouble.Mode mode : List.of(ProviderDouble.Mode.FAIL_500, ProviderDouble.Mode.BUSY_503,
                        ProviderDouble.Mode.THROTTLE_429, ProviderDouble.Mode.SLOW_10S)) {
                    provider.mode(mode);
                    Thread.sleep(Math.max(500, slice / 8));
                }
                provider.mode(ProviderDouble.Mode.ACCEPT);
            }
            default -> {
            }
        }
    }

    private static void loginAgain(XmppUser user) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                user.login();
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not log in again", e);
                }
                Thread.sleep(250);
            }
        }
    }

    private void pace(long start, int n) throws InterruptedException {
        long due = start + n * 1_000_000_000L / size.perSecond();
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private interface Count {
        int now();
    }

    /** Waits until {@code count} reaches {@code expected}, or the settle time passes (then the tally shows the gap). */
    private static void awaitCount(Count count, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        int last = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int now = count.now();
            if (now >= expected) {
                Thread.sleep(2_000); // late duplicates would still show
                return;
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > Duration.ofSeconds(60).toNanos()) {
                return; // nothing has moved for a minute: what is missing is missing
            }
            Thread.sleep(250);
        }
    }

    private static Map<String, Integer> inboundCopies(XmppUser... users) {
        Map<String, Integer> copies = new HashMap<>();
        for (XmppUser user : users) {
            for (Message m : user.received()) {
                if (m.getType() == Message.Type.chat && m.getBody() != null && m.getBody().startsWith("in-")) {
                    copies.merge(m.getStanzaId(), 1, Integer::sum);
                }
            }
        }
        return copies;
    }

    private static int uniqueInbound(XmppUser... users) {
        return inboundCopies(users).size();
    }

    /** In arrival order, per user and sender, each number must exceed the last one seen. */
    private static int orderViolations(XmppUser alice, XmppUser bob, Map<String, Integer> numberOf) {
        int violations = 0;
        for (XmppUser user : List.of(alice, bob)) {
            Map<String, Integer> highest = new HashMap<>();
            for (Message m : user.received()) {
                Integer n = numberOf.get(m.getStanzaId());
                if (n == null || m.getType() != Message.Type.chat) {
                    continue;
                }
                String from = m.getFrom().toString();
                int seen = highest.getOrDefault(from, -1);
                if (n < seen) {
                    violations++;
                } else {
                    highest.put(from, n);
                }
            }
        }
        return violations;
    }

    private static int answeredOutbound(XmppUser carol, ProviderDouble provider) {
        Map<String, Integer> taken = provider.taken();
        int answered = 0;
        java.util.Set<String> errors = new java.util.HashSet<>();
        for (Message m : carol.received()) {
            if (m.getType() == Message.Type.error && m.getStanzaId() != null) {
                errors.add(m.getStanzaId());
            }
        }
        for (String id : errors) {
            answered += taken.containsKey(id) ? 0 : 1;
        }
        return answered + taken.size();
    }

    /**
     * @param written when each message was written (nanoTime), or null: a silent message is then placed relative
     *                to the nearest SIGKILL, the window XEP-0114 leaves unprotected (no acknowledgements)
     */
    private Tally outboundTally(String name, XmppUser carol, ProviderDouble provider, long[] written) {
        Map<String, Integer> taken = provider.taken();
        Map<String, List<Message>> errors = new HashMap<>();
        for (Message m : carol.received()) {
            if (m.getType() == Message.Type.error && m.getStanzaId() != null && m.getStanzaId().startsWith("out-")) {
                errors.computeIfAbsent(m.getStanzaId(), id -> new ArrayList<>()).add(m);
            }
        }
        int once = 0;
        int duplicated = 0;
        int failed = 0;
        int maybe = 0;
        int silent = 0;
        List<String> windows = new ArrayList<>();
        int unprotected = 0;
        for (int n = 0; n < size.messages(); n++) {
            String id = "out-" + n;
            int sms = taken.getOrDefault(id, 0);
            boolean told = errors.containsKey(id);
            if (sms > 1) {
                duplicated += sms - 1;
            }
            if (sms >= 1 && told) {
                maybe++;
            } else if (sms >= 1) {
                once++;
            } else if (told) {
                failed++;
            } else {
                silent++;
                windows.add(written == null ? "?" : nearKill(written[n]));
                if (written != null && withinUnprotectedWindow(written[n])) {
                    unprotected++;
                }
            }
        }
        String notes = windows.isEmpty() ? "" : "silent ones written " + String.join(", ", windows) + " the SIGKILL";
        return new Tally(name, size.messages(), size.messages(), once, silent, duplicated, failed, maybe, silent, unprotected,
                notes);
    }

    /**
     * Written so close to a SIGKILL that it may have been in the TCP stream or the outbox's buffer when the
     * bridge died, or reached the server before the server noticed the component was gone: XEP-0114 has no
     * acknowledgements, so nothing can tell the sender.
     */
    private boolean withinUnprotectedWindow(long writtenAt) {
        return kills.stream().anyMatch(k -> Math.abs(k - writtenAt) <= UNPROTECTED_WINDOW.toNanos());
    }

    /** Where a message was written relative to the nearest SIGKILL: "3 ms before", "12 ms after". */
    private String nearKill(long writtenAt) {
        return kills.stream().min(java.util.Comparator.comparingLong(k -> Math.abs(k - writtenAt)))
                .map(k -> Math.abs(k - writtenAt) / 1_000_000 + " ms " + (k >= writtenAt ? "before" : "after"))
                .orElse("with no kill");
    }

    /** How many of the SMS the provider took have their record for status callbacks in the sent-messages table. */
    private static int receiptsRecorded(FaultRig rig) {
        int recorded = 0;
        for (String sid : rig.provider.sids().values()) {
            var item = rig.aws.dynamo.getItem(r -> r.tableName(rig.aws.sentTable).consistentRead(true)
                    .key(Map.of("sid", AttributeValue.fromS(sid)))).item();
            recorded += item != null && !item.isEmpty() ? 1 : 0;
        }
        return recorded;
    }
}
