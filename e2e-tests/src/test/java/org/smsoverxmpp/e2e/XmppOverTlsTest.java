package org.smsoverxmpp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.impl.JidCreate;
import org.smsoverxmpp.e2e.harness.BridgeProcess;
import org.smsoverxmpp.e2e.harness.TestCa;
import org.smsoverxmpp.e2e.harness.TestGateway;
import org.smsoverxmpp.e2e.harness.XmppUser;

/**
 * The component link over direct TLS, against Prosody's net_multiplex ssl_ports: SMS both ways with the
 * certificate verified, and each way verification can fail reported as such and retried slowly, never a crash loop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XmppOverTlsTest {
    static final String ALICE_NUMBER = "+15550003333";
    static final String FRIEND = "+15557654321";
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Pattern RETRY = Pattern.compile("reconnecting in (\\d+) ms");

    TestGateway gateway;
    XmppUser alice;

    /** The XMPP server this run of the suite uses; a subclass runs it against another. */
    protected TestGateway.Server server() {
        return TestGateway.Server.PROSODY;
    }

    /** How the bridge is told to trust {@code ca}: here as PEM text, as ECS injects it from Secrets Manager. */
    protected Map<String, String> trusting(TestCa ca, Map<String, String> env) {
        env.put("XMPP_TLS_CA_PEM", ca.pem());
        return env;
    }

    @BeforeAll
    void start() throws Exception {
        gateway = TestGateway.startOverTls("tls-" + server().name().toLowerCase(), 5, server());
        alice = gateway.user("alice", ALICE_NUMBER);
        gateway.startBridge(trusting(gateway.ca(), gateway.bridgeTlsEnvironment()));
        assertThat(gateway.bridge().xmppState().awaitConnected(WAIT)).isTrue();
    }

    @AfterAll
    void stop() {
        if (alice != null) {
            alice.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void smsTravelsBothWaysOverVerifiedTls() throws Exception {
        String sid = String.format("SM%032x", 1);
        assertThat(gateway.postSms(sid, FRIEND, ALICE_NUMBER, "through TLS 🔒").getStatusCode()).isEqualTo(200);

        Message inbound = alice.await(m -> sid.equals(m.getStanzaId()), WAIT);
        assertThat(inbound.getBody()).isEqualTo("through TLS 🔒");
        assertThat(inbound.getFrom().toString()).isEqualTo(FRIEND + "@" + TestGateway.COMPONENT);

        alice.send(StanzaBuilder.buildMessage("tls-out").to(JidCreate.from(FRIEND + "@" + TestGateway.COMPONENT))
                .ofType(Message.Type.chat).setBody("back through TLS").build());
        Map<String, String> sent = gateway.twilio.awaitSent(m -> "back through TLS".equals(m.get("Body")), WAIT);
        assertThat(sent).containsEntry("From", ALICE_NUMBER).containsEntry("To", FRIEND);
    }

    @Test
    void aCertificateForAnotherNameIsRefusedNamingBothAndRetriedSlowly() throws Exception {
        Map<String, String> env = trusting(gateway.ca(), gateway.bridgeTlsEnvironment());
        env.put("XMPP_HOST", "localhost"); // the name to verify is then the host's: not the certificate's
        env.remove("XMPP_TLS_SERVER_NAME");

        try (BridgeProcess bridge = BridgeProcess.start(env, gateway.dir.resolve("wrong-name-bridge.log"))) {
            bridge.awaitOutput("failed verification", 2, WAIT);

            assertThat(bridge.output()).contains("expected localhost",
                    "presents CN=" + TestGateway.COMPONENT + ", DNS:" + TestGateway.COMPONENT,
                    "issued by " + gateway.ca().subject(), "not for the expected name");
            assertRetriedSlowlyAndAlive(bridge);
            stopAsEcsDoes(bridge);
        }
    }

    @Test
    void aCertificateFromACaTheBridgeDoesNotTrustIsRefused() throws Exception {
        TestCa stranger = TestCa.create(gateway.dir.resolve("stranger-ca"), "A CA the server does not use");
        Map<String, String> env = trusting(stranger, gateway.bridgeTlsEnvironment());

        try (BridgeProcess bridge = BridgeProcess.start(env, gateway.dir.resolve("untrusted-bridge.log"))) {
            bridge.awaitOutput("failed verification", 2, WAIT);

            assertThat(bridge.output()).contains("expected " + TestGateway.COMPONENT,
                    "issued by " + gateway.ca().subject(), "no CA the bridge trusts issued it");
            assertRetriedSlowlyAndAlive(bridge);
            stopAsEcsDoes(bridge);
        }
    }

    @Test
    void directTlsToTheCleartextPortFailsTheHandshakeAndIsRetriedNotCrashed() throws Exception {
        Map<String, String> env = trusting(gateway.ca(), gateway.bridgeTlsEnvironment());
        env.remove("XMPP_TLS"); // unset is direct TLS
        env.put("XMPP_PORT", Integer.toString(gateway.xmpp.componentPort()));

        try (BridgeProcess bridge = BridgeProcess.start(env, gateway.dir.resolve("cleartext-port-bridge.log"))) {
            String failure = "TLS handshake with 127.0.0.1:" + gateway.xmpp.componentPort() + " failed";
            bridge.awaitOutput(failure, 2, WAIT);

            assertThat(bridge.isAlive()).isTrue();
            assertThat(bridge.output()).doesNotContain("connected to").doesNotContain("failed verification");
            stopAsEcsDoes(bridge);
        }
    }

    /** At least XMPP_AUTH_RETRY_SECONDS between attempts, as after a refused secret; never connected; still running. */
    private void assertRetriedSlowlyAndAlive(BridgeProcess bridge) {
        long leastWait = Duration.ofSeconds(Long.parseLong(gateway.bridgeTlsEnvironment().get("XMPP_AUTH_RETRY_SECONDS")))
                .toMillis();
        Matcher waits = RETRY.matcher(bridge.output());
        List<Long> millis = waits.results().map(m -> Long.parseLong(m.group(1))).toList();
        assertThat(millis).isNotEmpty().allSatisfy(wait -> assertThat(wait).isGreaterThanOrEqualTo(leastWait));
        assertThat(bridge.output()).doesNotContain("connected to");
        assertThat(bridge.isAlive()).isTrue();
    }

    /**
     * SIGTERM, as ECS stops a task, and a clean exit. Not SIGKILL: these bridges share the suite's queues, and a
     * killed bridge's receive still waiting in SQS takes the next message with it, out of sight for the queue's
     * visibility timeout (60 s for the outbox), so the next test's SMS would arrive late.
     */
    private static void stopAsEcsDoes(BridgeProcess bridge) throws InterruptedException {
        assertThat(bridge.terminate(WAIT)).as("exit code after SIGTERM of a bridge that never connected").isEqualTo(143);
        assertThat(bridge.output()).contains("bridge stopped");
    }
}
