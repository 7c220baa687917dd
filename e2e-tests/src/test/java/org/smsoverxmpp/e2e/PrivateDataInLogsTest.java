package org.smsoverxmpp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.smsoverxmpp.e2e.harness.BridgeProcess;
import org.smsoverxmpp.e2e.harness.TestGateway;
import org.smsoverxmpp.e2e.harness.XmppUser;

/**
 * What the bridge logs at INFO, as its container would ship to CloudWatch, holds no message text, no secret
 * and no phone number beyond its last four digits: an SMS in, an SMS out with a receipt, a refusal whose
 * provider text quotes the number, a delivery report, an SMS to a number nobody has.
 */
class PrivateDataInLogsTest {
    static final String ALICE_NUMBER = "+15550001234";
    static final String FRIEND = "+15557650987";
    static final String REFUSED = "+15005550321";
    static final String NOBODY = "+15559990456";

    @Test
    void theBridgesLogHoldsNoBodiesSecretsOrWholeNumbers() throws Exception {
        try (TestGateway gateway = TestGateway.start("private-logs", 5);
             XmppUser alice = gateway.user("alice", ALICE_NUMBER);
             BridgeProcess bridge = BridgeProcess.start(gateway.bridgeEnvironment(gateway.xmpp.componentPort()),
                     gateway.dir.resolve("bridge.log"))) {
            bridge.awaitOutput("connected to", Duration.ofSeconds(60));
            String sid = String.format("SM%032d", 4242);
            gateway.postSms(sid, FRIEND, ALICE_NUMBER, "inbound-secret-text");
            alice.await(m -> sid.equals(m.getStanzaId()), Duration.ofSeconds(30));
            gateway.postSms(String.format("SM%032d", 4243), FRIEND, NOBODY, "nobody-secret-text");

            gateway.twilio.acceptAs("outbound-secret-text", "SM" + "7".repeat(32));
            alice.send(StanzaBuilder.buildMessage("out-1").ofType(Message.Type.chat)
                    .to(JidCreate.from(FRIEND + "@" + TestGateway.COMPONENT)).setBody("outbound-secret-text")
                    .addExtension(new DeliveryReceiptRequest()).build());
            gateway.twilio.awaitSent(form -> "outbound-secret-text".equals(form.get("Body")), Duration.ofSeconds(30));
            gateway.awaitSentRecord("SM" + "7".repeat(32));
            gateway.postStatus("SM" + "7".repeat(32), "delivered", null, ALICE_NUMBER, FRIEND);
            alice.await(m -> m.getExtension(org.jivesoftware.smackx.receipts.DeliveryReceipt.class) != null, Duration.ofSeconds(30));

            gateway.twilio.refuse(REFUSED, 400, 21211, "The 'To' number " + REFUSED + " is not a valid phone number.");
            alice.send(StanzaBuilder.buildMessage("out-2").ofType(Message.Type.chat)
                    .to(JidCreate.from(REFUSED + "@" + TestGateway.COMPONENT)).setBody("refused-secret-text").build());
            alice.await(m -> "out-2".equals(m.getStanzaId()) && m.getType() == Message.Type.error, Duration.ofSeconds(30));
            bridge.awaitOutput("dead-letter queue", Duration.ofSeconds(30));

            String log = bridge.output();
            assertThat(log).contains("…1234", "…0987", "…0456");
            for (String number : List.of(ALICE_NUMBER, FRIEND, REFUSED, NOBODY)) {
                assertThat(log).as("the log shows %s only by its last digits", number).doesNotContain(number.substring(2));
            }
            assertThat(log).doesNotContain("secret-text", TestGateway.COMPONENT_SECRET, TestGateway.API_KEY_SECRET,
                    TestGateway.AUTH_TOKEN);
        }
    }
}
