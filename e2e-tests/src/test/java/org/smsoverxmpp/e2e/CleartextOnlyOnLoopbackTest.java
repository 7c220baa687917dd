package org.smsoverxmpp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.e2e.harness.BridgeProcess;

/** Cleartext across a network is refused before the bridge does anything, however it is asked for. */
class CleartextOnlyOnLoopbackTest {

    @Test
    void cleartextToANonLoopbackHostRefusesToStartWithExitCode2() throws Exception {
        String remote = "192.0.2.1"; // TEST-NET-1: never anyone's server
        Map<String, String> env = Map.of("XMPP_TLS", "none", "XMPP_HOST", remote, "COMPONENT_DOMAIN", "sms.example.com",
                "COMPONENT_SECRET", "secret", "QUEUE_URL", "http://127.0.0.1:1/queue/sms.fifo",
                "OUTBOX_QUEUE_URL", "http://127.0.0.1:1/queue/outbox.fifo", "MAPPINGS_TABLE", "mappings",
                "TWILIO_ACCOUNT_SID", "AC1", "TWILIO_AUTH_TOKEN", "token");

        try (BridgeProcess bridge = BridgeProcess.start(env, Files.createTempFile("cleartext-bridge", ".log"))) {
            assertThat(bridge.awaitExit(Duration.ofSeconds(30))).isEqualTo(2);
            assertThat(bridge.output()).contains("XMPP_TLS=none", remote, "not a loopback address", "XMPP_TLS=direct")
                    .doesNotContain("is required");
        }
    }
}
