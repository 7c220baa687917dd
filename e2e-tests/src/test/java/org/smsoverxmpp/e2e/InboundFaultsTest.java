package org.smsoverxmpp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.mapping.Mapping;
import org.smsoverxmpp.e2e.harness.TestGateway;
import org.smsoverxmpp.e2e.harness.XmppUser;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Inbound failures that must cost only the event that fails, and only what it failed for: a recipient whose
 * server bounces, media that is slow or gone. Short visibility timeout (2 s), so a lapse would show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboundFaultsTest {
    static final String SHARED = "+15550004444";
    static final String FRIEND = "+15557654321";
    static final Duration WAIT = Duration.ofSeconds(40);

    TestGateway gateway;
    XmppUser alice;

    @BeforeAll
    void start() throws Exception {
        gateway = TestGateway.start("inbound-faults", 2);
        alice = gateway.user("alice", SHARED);
        // Mapped to the same number, but the account does not exist: the server bounces what is sent to it.
        gateway.mappings.put(new Mapping(XmppUser.jid("ghost@localhost"), new PhoneNumber(SHARED)));
        gateway.startBridge();
        assertThat(gateway.bridge().xmppState().awaitConnected(Duration.ofSeconds(20))).isTrue();
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

    private Optional<software.amazon.awssdk.services.sqs.model.Message> deadLetter(String sid) {
        return gateway.aws.sqs.receiveMessage(r -> r.queueUrl(gateway.aws.deadLetterUrl).maxNumberOfMessages(10)
                .visibilityTimeout(0).messageAttributeNames("All")
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages().stream()
                .filter(m -> m.body().contains(sid)).findFirst();
    }

    @Test
    void aSharedNumberWhoseOtherRecipientBouncesReachesAliceOnceAndTheBounceEndsInTheDeadLetterQueue() throws Exception {
        String sid = String.format("SM%032d", 1);

        assertThat(gateway.postSms(sid, FRIEND, SHARED, "to both of you").getStatusCode()).isEqualTo(200);

        var dead = await().atMost(WAIT).until(() -> deadLetter(sid), Optional::isPresent).get();
        assertThat(dead.messageAttributes().get("reject-reason").stringValue()).contains("bounced");
        // Retried for ghost about three times over ten seconds; alice took it on the first and only then.
        assertThat(alice.matching(m -> sid.equals(m.getStanzaId()))).hasSize(1);
    }

    @Test
    void slowMediaKeepsItsSmsAndTheOthersOutOfTheDeadLetterQueue() throws Exception {
        String slow = gateway.twilio.hostSlowMedia("/media/slow", "image/png", "png".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(6));
        String mms = "MM" + "5".repeat(32);
        gateway.postMms(mms, FRIEND, SHARED, "a slow picture", Map.of(slow, "image/png"));
        List<String> others = List.of(String.format("SM%032d", 11), String.format("SM%032d", 12), String.format("SM%032d", 13));
        for (int i = 0; i < others.size(); i++) {
            assertThat(gateway.postSms(others.get(i), "+1555300000" + i, SHARED, "quick " + i).getStatusCode()).isEqualTo(200);
        }

        alice.await(m -> (mms + "-1").equals(m.getStanzaId()), WAIT);
        for (String sid : others) {
            alice.await(m -> sid.equals(m.getStanzaId()), WAIT);
        }
        assertThat(alice.matching(m -> mms.equals(m.getStanzaId()))).extracting(Message::getBody).containsExactly("a slow picture");
        for (String sid : others) {
            assertThat(alice.matching(m -> sid.equals(m.getStanzaId()))).hasSize(1);
            assertThat(deadLetter(sid)).isEmpty();
        }
        assertThat(deadLetter(mms)).isEmpty();
    }

    @Test
    void anMmsWhosePictureIsGoneArrivesWithItsTextAndANote() throws Exception {
        String gone = gateway.twilio.missingMedia("/media/gone");
        String mms = "MM" + "6".repeat(32);

        gateway.postMms(mms, FRIEND, SHARED, "look at this", Map.of(gone, "image/jpeg"));

        Message text = alice.await(m -> mms.equals(m.getStanzaId()), WAIT);
        assertThat(text.getBody()).isEqualTo("look at this\n(An attachment of this MMS could not be retrieved: image/jpeg.)");
        assertThat(deadLetter(mms)).isEmpty();
    }
}
