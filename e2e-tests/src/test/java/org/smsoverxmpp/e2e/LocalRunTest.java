package org.smsoverxmpp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.smsoverxmpp.bridge.address.PhoneJids;
import org.smsoverxmpp.e2e.harness.XmppUser;
import org.smsoverxmpp.local.FreePort;
import org.smsoverxmpp.local.LocalGateway;

/** The README's run command, driven as a newcomer would: start, receive an SMS, reply, stop. */
class LocalRunTest {
    static final Path REPO = Path.of("").toAbsolutePath().getParent();

    @Test
    void runCommandCarriesAnSmsBothWaysAndStopsEverythingItStarted() throws Exception {
        Path dir = Files.createTempDirectory("local-run");
        Path log = dir.resolve("run.log");
        int c2s = FreePort.find();
        Map<String, String> env = Map.of("LOCAL_DIR", dir.toString(), "XMPP_C2S_PORT", Integer.toString(c2s),
                "XMPP_COMPONENT_PORT", Integer.toString(FreePort.find()), "WEBHOOK_PORT", Integer.toString(FreePort.find()),
                "TWILIO_SIMULATOR_PORT", Integer.toString(FreePort.find()),
                "TELNYX_SIMULATOR_PORT", Integer.toString(FreePort.find()), "MOTO_PORT", Integer.toString(FreePort.find()),
                "DEMO_PASSWORD", "demo-password", "SKIP_BUILD", "1");
        ProcessBuilder builder = new ProcessBuilder(REPO.resolve("bin/run").toString()).directory(REPO.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process run = builder.start();
        try {
            awaitText(log, LocalGateway.READY, Duration.ofSeconds(120));
            assertThat(read(log)).contains("demo@localhost", "demo-password", "bin/sms");

            try (XmppUser demo = new XmppUser(c2s, "demo", "demo-password")) {
                ProcessBuilder sms = new ProcessBuilder(REPO.resolve("bin/sms").toString(), "+15551234567",
                        "hello from a phone 👋").directory(REPO.toFile()).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("sms.log").toFile());
                sms.environment().putAll(env);
                Process injected = sms.start();
                assertThat(injected.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(injected.exitValue()).as(read(dir.resolve("sms.log"))).isZero();

                Message received = demo.await(m -> "hello from a phone 👋".equals(m.getBody()), Duration.ofSeconds(30));
                assertThat(received.getFrom().toString()).isEqualTo("+15551234567@sms.localhost");

                demo.send(StanzaBuilder.buildMessage("reply-1").to(JidCreate.from("+15551234567@sms.localhost"))
                        .ofType(Message.Type.chat).setBody("hi back").build());
                awaitText(log, "from +15550000001 to +15551234567: hi back", Duration.ofSeconds(30));

                // The same through the Telnyx simulator's webhook: JSON signed with Ed25519.
                Command telnyx = command(env, dir, "bin/sms", "--provider", "telnyx", "+15551234567", "via telnyx");
                assertThat(telnyx.status()).as(telnyx.output()).isZero();
                assertThat(telnyx.output()).contains("accepted (telnyx)");
                assertThat(demo.await(m -> "via telnyx".equals(m.getBody()), Duration.ofSeconds(30)).getFrom().toString())
                        .isEqualTo("+15551234567@sms.localhost");
            }

            List<ProcessHandle> children = run.descendants().toList();
            assertThat(children).as("Prosody and moto_server run as children").hasSizeGreaterThanOrEqualTo(2);
            run.destroy();
            assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
                assertThat(child.isAlive()).as("left running: " + child.info().command().orElse("?")).isFalse();
            }
            assertThat(read(log)).contains("bridge stopped");
        } finally {
            run.descendants().forEach(ProcessHandle::destroyForcibly);
            run.destroyForcibly();
        }
    }

    @Test
    void aSecondUserAddedWithOneCommandGetsSmsFromNamesAndShortCodesAndIsKeptAcrossARestart() throws Exception {
        Path dir = Files.createTempDirectory("local-run");
        int c2s = FreePort.find();
        Map<String, String> env = Map.of("LOCAL_DIR", dir.toString(), "XMPP_C2S_PORT", Integer.toString(c2s),
                "XMPP_COMPONENT_PORT", Integer.toString(FreePort.find()), "WEBHOOK_PORT", Integer.toString(FreePort.find()),
                "TWILIO_SIMULATOR_PORT", Integer.toString(FreePort.find()),
                "TELNYX_SIMULATOR_PORT", Integer.toString(FreePort.find()), "MOTO_PORT", Integer.toString(FreePort.find()),
                "SQS_PORT", Integer.toString(FreePort.find()), "SKIP_BUILD", "1");
        PhoneJids jids = new PhoneJids(JidCreate.domainBareFrom("sms.localhost"));
        Process run = start(env, dir.resolve("run-1.log"));
        String password;
        try {
            Command added = command(env, dir, "bin/admin", "--local", "users", "add", "alice", "+1 555 000 1111");
            assertThat(added.status()).as(added.output()).isZero();
            assertThat(added.output()).contains("alice@localhost -> +15550001111");
            password = added.output().lines().filter(l -> l.contains("password:")).findFirst().orElseThrow()
                    .replaceAll(".*password: *", "").trim();
            try (XmppUser alice = new XmppUser(c2s, "alice", password)) {
                assertThat(command(env, dir, "bin/sms", "AMAZON", "your parcel", "--to", "+15550001111").status()).isZero();
                Message fromName = alice.await(m -> "your parcel".equals(m.getBody()), Duration.ofSeconds(30));
                assertThat(fromName.getFrom().asBareJid().toString()).isEqualTo(jids.jidOf("AMAZON").toString());
            }
            assertThat(command(env, dir, "bin/admin", "--local", "status").output())
                    .contains("the local run (bin/run").doesNotContain("ClusterNotFound");
            stop(run);
            assertThat(dir.resolve("pids")).as("a clean stop leaves no pids file").doesNotExist();
        } finally {
            kill(run);
        }

        run = start(env, dir.resolve("run-2.log"));
        try {
            assertThat(read(dir.resolve("run-2.log"))).contains("restored from the last run");
            assertThat(command(env, dir, "bin/admin", "--local", "mappings", "list").output())
                    .contains("alice@localhost -> +15550001111");
            try (XmppUser alice = new XmppUser(c2s, "alice", password)) {
                assertThat(command(env, dir, "bin/sms", "72345", "code 0042", "--to", "+15550001111").status()).isZero();
                Message fromCode = alice.await(m -> "code 0042".equals(m.getBody()), Duration.ofSeconds(30));
                assertThat(fromCode.getFrom().asBareJid().toString()).isEqualTo(jids.jidOf("72345").toString());
            }
            stop(run);
        } finally {
            kill(run);
        }
    }

    record Command(int status, String output) {
    }

    private static Command command(Map<String, String> env, Path dir, String... command) throws Exception {
        Path out = Files.createTempFile(dir, "command", ".log");
        List<String> line = new java.util.ArrayList<>(List.of(command));
        line.set(0, REPO.resolve(command[0]).toString());
        ProcessBuilder builder = new ProcessBuilder(line).directory(REPO.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Command(process.exitValue(), read(out));
    }

    private static Process start(Map<String, String> env, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(REPO.resolve("bin/run").toString()).directory(REPO.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process run = builder.start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(read(log)).contains(LocalGateway.READY));
        return run;
    }

    private static void stop(Process run) throws Exception {
        List<ProcessHandle> children = run.descendants().toList();
        run.destroy();
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
        for (ProcessHandle child : children) {
            child.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    private static void kill(Process run) {
        run.descendants().forEach(ProcessHandle::destroyForcibly);
        run.destroyForcibly();
    }

    @Test
    void portInUseIsNamedWithTheVariableToChange() throws Exception {
        Path dir = Files.createTempDirectory("local-run");
        try (var busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ProcessBuilder builder = new ProcessBuilder(REPO.resolve("bin/run").toString()).directory(REPO.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile());
            builder.environment().putAll(Map.of("LOCAL_DIR", dir.toString(), "XMPP_C2S_PORT",
                    Integer.toString(busy.getLocalPort()), "SKIP_BUILD", "1"));
            Process run = builder.start();
            assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).isEqualTo(1);
            assertThat(read(dir.resolve("run.log"))).contains("port " + busy.getLocalPort() + " is already in use",
                    "XMPP_C2S_PORT");
        }
    }

    private static void awaitText(Path log, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!read(log).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never printed '" + text + "':\n" + read(log));
            }
            Thread.sleep(100);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
