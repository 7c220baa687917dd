package org.smsoverxmpp.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.provider.SendResult;
import org.smsoverxmpp.bridge.provider.SmsRequest;
import org.smsoverxmpp.bridge.provider.telnyx.TelnyxProvider;
import org.smsoverxmpp.bridge.provider.telnyx.TelnyxSettings;
import org.smsoverxmpp.webhook.telnyx.TelnyxRequestSigner;

/** The local run's Telnyx, driven by the bridge's own Telnyx provider, as the local run drives it. */
class TelnyxSimulatorTest {
    record Posted(String timestamp, String signature, byte[] body) {
    }

    @Test
    void anSmsTheBridgeSendsIsPrintedAcceptedAndReportedSentThenDeliveredWithSignedEvents() throws Exception {
        KeyPair key = TelnyxRequestSigner.newKeyPair();
        List<Posted> posted = new CopyOnWriteArrayList<>();
        HttpServer webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        webhook.createContext("/telnyx/events", exchange -> {
            posted.add(new Posted(exchange.getRequestHeaders().getFirst("telnyx-timestamp"),
                    exchange.getRequestHeaders().getFirst("telnyx-signature-ed25519"),
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhook.start();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        URI events = URI.create("http://127.0.0.1:" + webhook.getAddress().getPort() + "/telnyx/events");
        try (TelnyxSimulator simulator = new TelnyxSimulator("127.0.0.1", 0, new PrintStream(printed, true,
                StandardCharsets.UTF_8), "KEYlocal", key.getPrivate())) {
            TelnyxProvider bridge = new TelnyxProvider(new TelnyxSettings("KEYlocal", URI.create(simulator.baseUrl()),
                    Optional.of(events), Optional.empty(), List.of()));

            SendResult result = bridge.send(new SmsRequest(PhoneNumber.parse("+15550000001", "US"), "+15551234567",
                    "hi back 👋", List.of()));

            assertThat(result).isInstanceOf(SendResult.Sent.class);
            String id = ((SendResult.Sent) result).messageId();
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("[telnyx-simulator] SMS " + id + " from +15550000001 to +15551234567: hi back 👋");
            await("the simulator's two status events").atMost(Duration.ofSeconds(10)).until(() -> posted.size() >= 2);
            assertThat(posted).hasSize(2);
            ObjectMapper json = new ObjectMapper();
            for (Posted event : posted) {
                Signature verify = Signature.getInstance("Ed25519");
                verify.initVerify(key.getPublic());
                verify.update((event.timestamp() + "|").getBytes(StandardCharsets.UTF_8));
                verify.update(event.body());
                assertThat(verify.verify(Base64.getDecoder().decode(event.signature()))).isTrue();
            }
            JsonNode finalized = json.readTree(posted.get(1).body()).path("data");
            assertThat(finalized.path("event_type").asText()).isEqualTo("message.finalized");
            assertThat(finalized.path("payload").path("id").asText()).isEqualTo(id);
            assertThat(finalized.path("payload").path("to").path(0).path("status").asText()).isEqualTo("delivered");
        } finally {
            webhook.stop(0);
        }
    }

    @Test
    void aWrongApiKeyIsRefusedAsTelnyxRefusesIt() throws Exception {
        try (TelnyxSimulator simulator = new TelnyxSimulator("127.0.0.1", 0, new PrintStream(new ByteArrayOutputStream()),
                "KEYlocal", TelnyxRequestSigner.newKeyPair().getPrivate())) {
            TelnyxProvider bridge = new TelnyxProvider(new TelnyxSettings("KEYwrong", URI.create(simulator.baseUrl()),
                    Optional.empty(), Optional.empty(), List.of(Duration.ofMillis(1))));

            SendResult result = bridge.send(new SmsRequest(PhoneNumber.parse("+15550000001", "US"), "+15551234567",
                    "hi", List.of()));

            assertThat(result).isInstanceOfSatisfying(SendResult.Rejected.class,
                    rejected -> assertThat(rejected.code()).isEqualTo("10009"));
        }
    }
}
