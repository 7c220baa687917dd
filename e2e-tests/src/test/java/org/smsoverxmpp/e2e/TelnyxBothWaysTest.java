package org.smsoverxmpp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.receipts.DeliveryReceipt;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.smsoverxmpp.e2e.harness.TelnyxFake;
import org.smsoverxmpp.e2e.harness.TestGateway;
import org.smsoverxmpp.e2e.harness.XmppUser;
import org.smsoverxmpp.local.TelnyxWebhookEvents;
import org.smsoverxmpp.webhook.telnyx.TelnyxRequestSigner;

/**
 * Telnyx both ways, in a gateway deployed for Twilio and Telnyx: Alice's number is with Telnyx (her mapping says
 * so), Bob's with the default, Twilio. Signed Telnyx webhooks through the real handler, queue, bridge and XMPP
 * server, seen from a Smack client; WireMock as Telnyx's Messaging API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelnyxBothWaysTest {
    static final String ALICE_NUMBER = "+15550002222";
    static final String BOB_NUMBER = "+15550003333";
    static final String FRIEND = "+15557654321";
    static final Duration WAIT = Duration.ofSeconds(20);

    TestGateway gateway;
    XmppUser alice;
    XmppUser bob;

    /** The XMPP server this run of the suite uses; a subclass runs it against another. */
    protected TestGateway.Server server() {
        return TestGateway.Server.PROSODY;
    }

    @BeforeAll
    void start() throws Exception {
        gateway = TestGateway.start("telnyx-" + server().name().toLowerCase(), 5, server());
        alice = gateway.user("alice", ALICE_NUMBER, "telnyx");
        bob = gateway.user("bob", BOB_NUMBER);
        gateway.startBridge();
        assertThat(gateway.bridge().xmppState().awaitConnected(WAIT)).isTrue();
    }

    @AfterAll
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {alice, bob, gateway}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                System.err.println("cleanup failed: " + e);
            }
        }
    }

    @BeforeEach
    void resetProviders() {
        gateway.telnyx.acceptAll();
        gateway.twilio.acceptAll();
    }

    static Jid phone(String number) {
        return JidCreate.fromOrThrowUnchecked(number + "@" + TestGateway.COMPONENT);
    }

    Message awaitFrom(XmppUser user, String id) throws InterruptedException {
        return user.await(m -> id.equals(m.getStanzaId()), WAIT);
    }

    @Test
    void smsArrivesAsChatFromTheSendersJidWithTheExactText() throws Exception {
        String id = TelnyxFake.newId();
        String text = "Hi Alice 👋🏽 — café at 5? 🇫🇷 <b>&amp; ]]>";

        assertThat(gateway.postTelnyxSms(id, FRIEND, ALICE_NUMBER, text, Map.of()).getStatusCode()).isEqualTo(200);

        Message message = awaitFrom(alice, id);
        assertThat(message.getBody()).isEqualTo(text);
        assertThat(message.getType()).isEqualTo(Message.Type.chat);
        assertThat(message.getFrom().toString()).isEqualTo(FRIEND + "@" + TestGateway.COMPONENT);
    }

    @Test
    void telnyxRedeliveringOneEventArrivesOnce() throws Exception {
        String id = TelnyxFake.newId();
        byte[] body = TelnyxWebhookEvents.received(id, FRIEND, ALICE_NUMBER, "only once", Map.of());
        for (int i = 0; i < 3; i++) {
            assertThat(gateway.postTelnyx(body, Instant.now()).getStatusCode()).isEqualTo(200);
        }
        String after = TelnyxFake.newId();
        gateway.postTelnyxSms(after, FRIEND, ALICE_NUMBER, "sentinel", Map.of());

        awaitFrom(alice, after);
        assertThat(alice.matching(m -> id.equals(m.getStanzaId()))).hasSize(1);
    }

    @Test
    void mmsArrivesAsTextThenThePictureRehostedAndTheApiKeyGoesNowhereButTheApi() throws Exception {
        byte[] picture = "a png's worth of bytes".getBytes(StandardCharsets.UTF_8);
        String path = "/media/telnyx/7b1c/cat.png";
        Map<String, String> media = new LinkedHashMap<>();
        media.put(gateway.telnyx.hostMedia(path, "image/png", picture), "image/png");
        String id = TelnyxFake.newId();

        assertThat(gateway.postTelnyxSms(id, FRIEND, ALICE_NUMBER, "our cat", media).getStatusCode()).isEqualTo(200);

        assertThat(awaitFrom(alice, id).getBody()).isEqualTo("our cat");
        Message attachment = awaitFrom(alice, id + "-1");
        String url = attachment.getBody();
        assertThat(url).endsWith(".png").doesNotContain(gateway.telnyx.baseUrl());
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(picture);
        assertThat(gateway.telnyx.mediaAuthorizations(path)).isNotEmpty().allMatch(java.util.Optional::isEmpty);
    }

    @Test
    void aMessageFromAliceLeavesThroughTelnyxFromHerNumber() throws Exception {
        String text = "On my way 🚲 & see you soon";
        alice.send(StanzaBuilder.buildMessage("tx-1").to(phone(FRIEND)).ofType(Message.Type.chat).setBody(text).build());

        JsonNode sent = gateway.telnyx.awaitSent(m -> text.equals(m.path("text").asText()), WAIT);
        assertThat(sent.path("from").asText()).isEqualTo(ALICE_NUMBER);
        assertThat(sent.path("to").asText()).isEqualTo(FRIEND);
        assertThat(sent.path("webhook_url").asText()).isEqualTo(TestGateway.WEBHOOK_BASE + TestGateway.TELNYX_EVENTS);
        assertThat(gateway.telnyx.authorizationHeaders()).allMatch(h -> h.equals("Bearer " + TestGateway.TELNYX_API_KEY));
        assertThat(gateway.twilio.sentMessages()).extracting(m -> m.get("Body")).doesNotContain(text);
    }

    @Test
    void aMessageFromBobLeavesThroughTheDefaultProviderTwilio() throws Exception {
        String text = "bob's through twilio";
        bob.send(StanzaBuilder.buildMessage("bob-1").to(phone(FRIEND)).ofType(Message.Type.chat).setBody(text).build());

        assertThat(gateway.twilio.awaitSent(m -> text.equals(m.get("Body")), WAIT)).containsEntry("From", BOB_NUMBER);
        assertThat(gateway.telnyx.sentMessages()).extracting(m -> m.path("text").asText()).doesNotContain(text);
    }

    @Test
    void deliveredReportBecomesTheReceiptAliceAskedFor() throws Exception {
        String text = "did this arrive?";
        String id = TelnyxFake.newId();
        gateway.telnyx.acceptAs(text, id);

        alice.send(StanzaBuilder.buildMessage("rcpt-1").to(phone(FRIEND)).ofType(Message.Type.chat).setBody(text)
                .addExtension(new DeliveryReceiptRequest()).build());
        gateway.telnyx.awaitSent(m -> text.equals(m.path("text").asText()), WAIT);
        gateway.awaitSentRecord(id);
        assertThat(gateway.postTelnyx(TelnyxWebhookEvents.status("message.sent", id, ALICE_NUMBER, FRIEND, "sent", null,
                null), Instant.now()).getStatusCode()).isEqualTo(200);
        assertThat(gateway.postTelnyxFinalized(id, ALICE_NUMBER, FRIEND, "delivered", null, null).getStatusCode())
                .isEqualTo(200);

        Message receipt = alice.await(m -> DeliveryReceipt.from(m) != null
                && "rcpt-1".equals(DeliveryReceipt.from(m).getId()), WAIT);
        assertThat(receipt.getFrom().toString()).isEqualTo(FRIEND + "@" + TestGateway.COMPONENT);
    }

    @Test
    void deliveryFailureComesBackAsAnErrorCopySayingWhatTelnyxsCodeMeans() throws Exception {
        String text = "is this a landline?";
        String id = TelnyxFake.newId();
        gateway.telnyx.acceptAs(text, id);

        alice.send(StanzaBuilder.buildMessage("fail-1").to(phone(FRIEND)).ofType(Message.Type.chat).setBody(text).build());
        gateway.telnyx.awaitSent(m -> text.equals(m.path("text").asText()), WAIT);
        gateway.awaitSentRecord(id);
        gateway.postTelnyxFinalized(id, ALICE_NUMBER, FRIEND, "delivery_failed", "40001", "Not routable");

        Message error = alice.await(m -> "fail-1".equals(m.getStanzaId()) && m.getType() == Message.Type.error, WAIT);
        assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.recipient_unavailable);
        assertThat(error.getError().getDescriptiveText()).contains("40001").contains("landline");
        assertThat(error.getBody()).isEqualTo(text);
    }

    @Test
    void telnyxRefusalComesBackWithItsCodeAndText() throws Exception {
        String invalid = "+15005550009";
        gateway.telnyx.refuse(invalid, 422, "40310", "Invalid 'to' address", "The 'to' address is not a valid number.");

        // Plain text: Smack, the test's own client, would put a "]]>" on its stream raw, and the server would close it.
        alice.send(StanzaBuilder.buildMessage("rej-1").to(phone(invalid)).ofType(Message.Type.chat).setBody("hello? <&>")
                .build());

        Message error = alice.await(m -> "rej-1".equals(m.getStanzaId()), WAIT);
        assertThat(error.getType()).isEqualTo(Message.Type.error);
        assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.not_acceptable);
        assertThat(error.getError().getDescriptiveText()).contains("40310").contains("Invalid 'to' address");
        assertThat(error.getBody()).isEqualTo("hello? <&>");
    }

    @Test
    void telnyxUnavailableIsRetriedThenReportedAsTimeout() throws Exception {
        String busy = "+15005550008";
        gateway.telnyx.refuse(busy, 503, "10011", "Service unavailable", "Try again later.");

        alice.send(StanzaBuilder.buildMessage("busy-1").to(phone(busy)).ofType(Message.Type.chat).setBody("anyone?").build());

        Message error = alice.await(m -> "busy-1".equals(m.getStanzaId()), WAIT);
        assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.remote_server_timeout);
        assertThat(gateway.telnyx.sentMessages()).filteredOn(m -> busy.equals(m.path("to").asText())).hasSize(3);
    }

    @Test
    void forgedStaleOrUnsignedWebhooksAre403AndReachNoOne() throws Exception {
        String forgedId = TelnyxFake.newId();
        byte[] body = TelnyxWebhookEvents.received(forgedId, FRIEND, ALICE_NUMBER, "forged", Map.of());
        var otherKey = TelnyxRequestSigner.newKeyPair();

        assertThat(gateway.postTelnyx(body, TelnyxRequestSigner.headers(otherKey.getPrivate(), Instant.now(), body))
                .getStatusCode()).as("signed with another key").isEqualTo(403);
        assertThat(gateway.postTelnyx(body, Map.of()).getStatusCode()).as("unsigned").isEqualTo(403);
        assertThat(gateway.postTelnyx(body, Instant.now().minus(Duration.ofMinutes(6))).getStatusCode())
                .as("a genuine signature from six minutes ago: a replay").isEqualTo(403);
        Map<String, String> genuine = TelnyxRequestSigner.headers(gateway.telnyxSigningKey.getPrivate(), Instant.now(), body);
        byte[] altered = new String(body, StandardCharsets.UTF_8).replace("forged", "f0rged").getBytes(StandardCharsets.UTF_8);
        assertThat(gateway.postTelnyx(altered, genuine).getStatusCode()).as("another body under a genuine signature")
                .isEqualTo(403);

        // A genuine SMS of the same conversation, sent after: once it is here, the forged ones would have been.
        String after = TelnyxFake.newId();
        gateway.postTelnyxSms(after, FRIEND, ALICE_NUMBER, "genuine", Map.of());
        awaitFrom(alice, after);
        assertThat(alice.matching(m -> forgedId.equals(m.getStanzaId()) || "forged".equals(m.getBody())
                || "f0rged".equals(m.getBody()))).isEmpty();
    }

    @Test
    void eventsThatAreNoMessageOfOursAreAnsweredAndIgnored() throws Exception {
        assertThat(gateway.postTelnyx(TelnyxWebhookEvents.other("call.initiated"), Instant.now()).getStatusCode())
                .isEqualTo(200);
        String after = TelnyxFake.newId();
        gateway.postTelnyxSms(after, FRIEND, ALICE_NUMBER, "still here", Map.of());
        assertThat(awaitFrom(alice, after).getBody()).isEqualTo("still here");
    }
}
