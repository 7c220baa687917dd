package org.smsoverxmpp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.e2e.harness.BlackholeProxy;
import org.smsoverxmpp.e2e.harness.BridgeProcess;
import org.smsoverxmpp.e2e.harness.TestGateway;
import org.smsoverxmpp.e2e.harness.XmppUser;

/** Nothing is lost when the XMPP server restarts or the bridge dies; the bridge stops cleanly and fails clearly. */
class ResilienceTest {
    static final String ALICE_NUMBER = "+15550002222";
    static final String FRIEND = "+15557654321";

    @Test
    void everySmsArrivesAcrossAnXmppServerRestart() throws Exception {
        try (TestGateway gateway = TestGateway.start("prosody-restart", 3);
             XmppUser alice = gateway.user("alice", ALICE_NUMBER)) {
            gateway.startBridge();
            assertThat(gateway.bridge().xmppState().awaitConnected(Duration.ofSeconds(20))).isTrue();

            List<String> sids = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String sid = String.format("SM%032d", 1000 + i);
                sids.add(sid);
                assertThat(gateway.postSms(sid, FRIEND, ALICE_NUMBER, "flowing " + i).getStatusCode()).isEqualTo(200);
                if (i == 10) {
                    gateway.xmpp.stop();
                }
                if (i == 20) {
                    gateway.xmpp.start();
                }
                Thread.sleep(100);
            }
            alice.login();

            for (String sid : sids) {
                alice.await(m -> sid.equals(m.getStanzaId()), Duration.ofSeconds(60));
            }
            assertThat(alice.received()).extracting(Message::getBody)
                    .contains("flowing 0", "flowing 10", "flowing 15", "flowing 29");
        }
    }

    @Test
    void smsWrittenButNotConfirmedIsRedeliveredAfterTheBridgeDies() throws Exception {
        try (TestGateway gateway = TestGateway.start("bridge-killed", 3);
             XmppUser alice = gateway.user("alice", ALICE_NUMBER);
             BlackholeProxy proxy = new BlackholeProxy(gateway.xmpp.componentPort());
             BridgeProcess doomed = BridgeProcess.start(gateway.bridgeEnvironment(proxy.port()),
                     gateway.dir.resolve("doomed-bridge.log"))) {
            doomed.awaitOutput("connected to", Duration.ofSeconds(30));

            proxy.blackhole(true);
            String sid = String.format("SM%032d", 7);
            assertThat(gateway.postSms(sid, FRIEND, ALICE_NUMBER, "survives a crash").getStatusCode()).isEqualTo(200);
            awaitSwallowed(proxy, "survives a crash");
            awaitSwallowed(proxy, "urn:xmpp:ping");
            doomed.kill();
            proxy.close();
            assertThat(alice.matching(m -> sid.equals(m.getStanzaId()))).isEmpty();

            gateway.startBridge();

            Message redelivered = alice.await(m -> sid.equals(m.getStanzaId()), Duration.ofSeconds(30));
            assertThat(redelivered.getBody()).isEqualTo("survives a crash");
        }
    }

    @Test
    void smsTheServerBouncesIsRetriedThenKeptInTheDeadLetterQueue() throws Exception {
        try (TestGateway gateway = TestGateway.start("bounce", 1)) {
            // Mapped, but the account does not exist: the server answers the chat message with an error.
            gateway.mappings.put(new org.smsoverxmpp.bridge.mapping.Mapping(XmppUser.jid("ghost@localhost"),
                    new org.smsoverxmpp.bridge.address.PhoneNumber("+15550009999")));
            gateway.startBridge();
            assertThat(gateway.bridge().xmppState().awaitConnected(Duration.ofSeconds(20))).isTrue();

            assertThat(gateway.postSms(String.format("SM%032d", 99), FRIEND, "+15550009999", "boo").getStatusCode())
                    .isEqualTo(200);

            org.awaitility.Awaitility.await("the bounced SMS in the dead-letter queue").atMost(Duration.ofSeconds(60))
                    .until(() -> gateway.aws.approximateDepth(gateway.aws.deadLetterUrl) > 0);
            assertThat(gateway.aws.approximateDepth(gateway.aws.deadLetterUrl)).as("kept, never deleted").isEqualTo(1);
        }
    }

    @Test
    void heartbeatReportsTheStreamAndFeedsTheHealthCheck() throws Exception {
        try (TestGateway gateway = TestGateway.start("heartbeat", 3)) {
            Map<String, String> env = new HashMap<>(gateway.bridgeEnvironment(gateway.xmpp.componentPort()));
            java.nio.file.Path healthFile = gateway.dir.resolve("healthy");
            env.put("HEARTBEAT_SECONDS", "1");
            env.put("HEALTH_FILE", healthFile.toString());
            try (BridgeProcess bridge = BridgeProcess.start(env, gateway.dir.resolve("bridge.log"))) {
                bridge.awaitOutput("xmpp stream up", Duration.ofSeconds(30));
                assertThat(healthFile).exists();

                gateway.xmpp.stop();
                bridge.awaitOutput("xmpp stream down", Duration.ofSeconds(30));
            }
        }
    }

    @Test
    void sigtermStopsTheBridgeCleanlyWithinThirtySeconds() throws Exception {
        try (TestGateway gateway = TestGateway.start("sigterm", 3);
             BridgeProcess bridge = BridgeProcess.start(gateway.bridgeEnvironment(gateway.xmpp.componentPort()),
                     gateway.dir.resolve("bridge.log"))) {
            bridge.awaitOutput("connected to", Duration.ofSeconds(30));

            long started = System.nanoTime();
            int exit = bridge.terminate(Duration.ofSeconds(30));

            assertThat(exit).as("exit code after SIGTERM").isEqualTo(143);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
            assertThat(bridge.output()).contains("bridge stopped");
        }
    }

    @Test
    void wrongComponentSecretIsReportedAndRetriedNotCrashed() throws Exception {
        try (TestGateway gateway = TestGateway.start("wrong-secret", 3)) {
            Map<String, String> env = new HashMap<>(gateway.bridgeEnvironment(gateway.xmpp.componentPort()));
            env.put("COMPONENT_SECRET", "not-the-secret");
            try (BridgeProcess bridge = BridgeProcess.start(env, gateway.dir.resolve("bridge.log"))) {
                bridge.awaitOutput("rejected component", Duration.ofSeconds(30));
                bridge.awaitOutput("reconnecting in", Duration.ofSeconds(10));
                assertThat(bridge.isAlive()).isTrue();
                assertThat(bridge.output()).contains("COMPONENT_SECRET").doesNotContain("not-the-secret");
            }
        }
    }

    @Test
    void missingConfigurationIsNamedAndTheBridgeExits() throws Exception {
        try (BridgeProcess bridge = BridgeProcess.start(Map.of("XMPP_PORT", "many"),
                java.nio.file.Files.createTempFile("bridge", ".log"))) {
            assertThat(bridge.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            assertThat(bridge.output()).contains("XMPP_HOST", "COMPONENT_DOMAIN", "COMPONENT_SECRET", "QUEUE_URL",
                    "MAPPINGS_TABLE", "TWILIO_ACCOUNT_SID", "XMPP_PORT must be");
        }
    }

    private static void awaitSwallowed(BlackholeProxy proxy, String text) {
        org.awaitility.Awaitility.await("the bridge writing '" + text + "'").atMost(Duration.ofSeconds(20))
                .until(() -> proxy.swallowed().contains(text));
    }
}
