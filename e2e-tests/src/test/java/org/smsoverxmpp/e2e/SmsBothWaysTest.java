package org.smsoverxmpp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.impl.JidCreate;
import org.smsoverxmpp.e2e.harness.TestGateway;
import org.smsoverxmpp.e2e.harness.XmppUser;
import org.smsoverxmpp.webhook.twilio.TwilioRequestSigner;

/** SMS in and out through the real handler, queue, bridge and Prosody, seen from a Smack client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmsBothWaysTest {
    static final String ALICE_NUMBER = "+15550001111";
    static final String FRIEND = "+15557654321";
    static final Duration WAIT = Duration.ofSeconds(20);

    TestGateway gateway;
    XmppUser alice;
    XmppUser mallory;
    int sids;

    /** The XMPP server this run of the suite uses; a subclass runs it against another. */
    protected TestGateway.Server server() {
        return TestGateway.Server.PROSODY;
    }

    @BeforeAll
    void start() throws Exception {
        gateway = TestGateway.start("both-ways-" + server().name().toLowerCase(), 5, server());
        alice = gateway.user("alice", ALICE_NUMBER);
        mallory = gateway.user("mallory", null);
        gateway.startBridge();
        assertThat(gateway.bridge().xmppState().awaitConnected(WAIT)).isTrue();
    }

    @AfterAll
    void stop() {
        if (alice != null) {
            alice.close();
        }
        if (mallory != null) {
            mallory.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @BeforeEach
    void resetTwilio() {
        gateway.twilio.acceptAll();
    }

    String nextSid() {
        return String.format("SM%032x", ++sids);
    }

    Message awaitSms(XmppUser user, String sid) throws InterruptedException {
        return user.await(m -> sid.equals(m.getStanzaId()), WAIT);
    }

    @Test
    void smsArrivesAsChatFromTheSendersJidWithTheExactBody() throws Exception {
        String sid = nextSid();
        String body = "Hi Alice 👋🏽 — café at 5? 🇫🇷";

        assertThat(gateway.postSms(sid, FRIEND, ALICE_NUMBER, body).getStatusCode()).isEqualTo(200);

        Message message = awaitSms(alice, sid);
        assertThat(message.getBody()).isEqualTo(body);
        assertThat(message.getType()).isEqualTo(Message.Type.chat);
        assertThat(message.getFrom().toString()).isEqualTo(FRIEND + "@" + TestGateway.COMPONENT);
    }

    @Test
    void eachConversationArrivesInOrderThoughSeveralConsumersPull() throws Exception {
        // The bridge pulls with QUEUE_CONSUMERS (4) threads; FIFO groups must keep each sender's order.
        List<String> senders = List.of("+15557770001", "+15557770002", "+15557770003");
        List<String> sids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            for (String sender : senders) {
                String sid = nextSid();
                sids.add(sid);
                assertThat(gateway.postSms(sid, sender, ALICE_NUMBER, "ordered " + i).getStatusCode()).isEqualTo(200);
            }
        }
        awaitSms(alice, sids.get(sids.size() - 1));
        for (String sender : senders) {
            String from = sender + "@" + TestGateway.COMPONENT;
            alice.await(m -> m.getFrom().toString().equals(from) && "ordered 9".equals(m.getBody()), WAIT);
            List<String> bodies = alice.received().stream()
                    .filter(m -> m.getFrom().toString().equals(from) && m.getBody() != null
                            && m.getBody().startsWith("ordered "))
                    .map(Message::getBody).toList();
            assertThat(bodies).as("from %s", sender).containsExactly(
                    IntStream.range(0, 10).mapToObj(i -> "ordered " + i).toArray(String[]::new));
        }
    }

    @Test
    void longSmsArrivesWhole() throws Exception {
        String sid = nextSid();
        String body = "0123456789😀".repeat(133) + "0123";
        assertThat(body.length()).isEqualTo(1600);

        assertThat(gateway.postSms(sid, FRIEND, ALICE_NUMBER, body).getStatusCode()).isEqualTo(200);

        assertThat(awaitSms(alice, sid).getBody()).isEqualTo(body);
    }

    @Test
    void messageToANumberLeavesAsSmsFromTheUsersNumber() throws Exception {
        String body = "On my way 🚲 & see you soon";
        alice.send(StanzaBuilder.buildMessage("out-1").to(JidCreate.from(FRIEND + "@" + TestGateway.COMPONENT))
                .ofType(Message.Type.chat).setBody(body).build());

        Map<String, String> sent = awaitTwilio(body);
        assertThat(sent).containsEntry("From", ALICE_NUMBER).containsEntry("To", FRIEND)
                .containsEntry("StatusCallback", TestGateway.WEBHOOK_BASE + "/status");
        assertThat(gateway.twilio.authorizationHeaders()).allMatch(h -> h.startsWith("Basic "));
    }

    @Test
    void bodylessChatStatesNeverBecomeSms() throws Exception {
        alice.send(StanzaBuilder.buildMessage("typing").to(JidCreate.from(FRIEND + "@" + TestGateway.COMPONENT))
                .ofType(Message.Type.chat).addExtension(new ChatStateExtension(ChatState.composing)).build());
        String marker = "after the chat state";
        alice.send(StanzaBuilder.buildMessage("marker").to(JidCreate.from(FRIEND + "@" + TestGateway.COMPONENT))
                .ofType(Message.Type.chat).setBody(marker).build());

        awaitTwilio(marker);
        assertThat(gateway.twilio.sentMessages()).extracting(m -> m.get("Body")).containsExactly(marker);
        assertThat(alice.matching(m -> "typing".equals(m.getStanzaId()))).isEmpty();
    }

    @Test
    void unmappedSenderGetsRegistrationRequired() throws Exception {
        mallory.send(StanzaBuilder.buildMessage("m-1").to(JidCreate.from(FRIEND + "@" + TestGateway.COMPONENT))
                .ofType(Message.Type.chat).setBody("let me in").build());

        Message error = mallory.await(m -> "m-1".equals(m.getStanzaId()), WAIT);
        assertThat(error.getType()).isEqualTo(Message.Type.error);
        assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.registration_required);
        assertThat(error.getError().getDescriptiveText()).contains("mallory@localhost");
        assertThat(error.getBody()).isEqualTo("let me in");
        assertThat(gateway.twilio.sentMessages()).isEmpty();
    }

    @Test
    void malformedNumberGetsItemNotFound() throws Exception {
        alice.send(StanzaBuilder.buildMessage("bad-1").to(JidCreate.from("5551234567@" + TestGateway.COMPONENT))
                .ofType(Message.Type.chat).setBody("one large").build());

        Message error = alice.await(m -> "bad-1".equals(m.getStanzaId()), WAIT);
        assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.item_not_found);
        assertThat(error.getError().getDescriptiveText()).contains("5551234567", "international format");
    }

    @Test
    void twilioRejectionComesBackWithItsCodeAndText() throws Exception {
        String invalid = "+15005550001";
        gateway.twilio.refuse(invalid, 400, 21211, "The 'To' number +15005550001 is not a valid phone number.");

        alice.send(StanzaBuilder.buildMessage("rej-1").to(JidCreate.from(invalid + "@" + TestGateway.COMPONENT))
                .ofType(Message.Type.chat).setBody("hello?").addExtension(new DeliveryReceiptRequest()).build());

        Message error = alice.await(m -> "rej-1".equals(m.getStanzaId()), WAIT);
        assertThat(error.getType()).isEqualTo(Message.Type.error);
        assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.not_acceptable);
        assertThat(error.getError().getDescriptiveText()).contains("21211").contains("not a valid phone number");
        assertThat(error.getBody()).isEqualTo("hello?");
    }

    @Test
    void twilioUnavailableIsRetriedThenReportedAsTimeout() throws Exception {
        String busy = "+15005550002";
        gateway.twilio.refuse(busy, 503, 20503, "Service unavailable");

        alice.send(StanzaBuilder.buildMessage("busy-1").to(JidCreate.from(busy + "@" + TestGateway.COMPONENT))
                .ofType(Message.Type.chat).setBody("anyone?").build());

        Message error = alice.await(m -> "busy-1".equals(m.getStanzaId()), WAIT);
        assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.remote_server_timeout);
        assertThat(gateway.twilio.sentMessages()).hasSize(3);
    }

    @Test
    void forgedOrMissingSignatureIs403AndReachesNoOne() throws Exception {
        String forgedSid = nextSid();
        Map<String, String> form = TestGateway.smsForm(forgedSid, FRIEND, ALICE_NUMBER, "forged");
        String wrongToken = TwilioRequestSigner.sign("not-the-token", TestGateway.WEBHOOK_BASE + "/sms", form);

        assertThat(gateway.post("/sms", form, wrongToken).getStatusCode()).isEqualTo(403);
        assertThat(gateway.post("/sms", form, null).getStatusCode()).isEqualTo(403);

        // A genuine SMS of the same conversation, sent after: once it is here, the forged ones would have been.
        String genuine = nextSid();
        gateway.postSms(genuine, FRIEND, ALICE_NUMBER, "genuine");
        awaitSms(alice, genuine);
        assertThat(alice.matching(m -> forgedSid.equals(m.getStanzaId()) || "forged".equals(m.getBody()))).isEmpty();
        assertThat(gateway.twilio.sentMessages()).isEmpty();
    }

    @Test
    void twilioRetriesOfOneMessageSidArriveOnce() throws Exception {
        String sid = nextSid();
        for (int i = 0; i < 3; i++) {
            assertThat(gateway.postSms(sid, FRIEND, ALICE_NUMBER, "only once").getStatusCode()).isEqualTo(200);
        }
        String after = nextSid();
        gateway.postSms(after, FRIEND, ALICE_NUMBER, "sentinel");

        awaitSms(alice, after);
        assertThat(alice.matching(m -> sid.equals(m.getStanzaId()))).hasSize(1);
    }

    @Test
    void smsToANumberNobodyHasGoesToTheDeadLetterQueueAtOnceWithTheReason() throws Exception {
        String sid = nextSid();

        assertThat(gateway.postSms(sid, FRIEND, "+15559990000", "anyone?").getStatusCode()).isEqualTo(200);

        var dead = await().atMost(WAIT).until(() -> gateway.aws.sqs.receiveMessage(r -> r.queueUrl(gateway.aws.deadLetterUrl)
                        .maxNumberOfMessages(10).messageAttributeNames("All")).messages().stream()
                .filter(m -> m.body().contains(sid)).findFirst(), java.util.Optional::isPresent).get();
        assertThat(dead.messageAttributes().get("reject-reason").stringValue()).isEqualTo("no user is mapped to …0000");
    }

    private Map<String, String> awaitTwilio(String body) {
        return gateway.twilio.awaitSent(sent -> body.equals(sent.get("Body")), WAIT);
    }
}
