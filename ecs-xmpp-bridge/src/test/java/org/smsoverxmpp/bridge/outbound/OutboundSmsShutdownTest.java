package org.smsoverxmpp.bridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.http.TwilioRestClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.smsoverxmpp.bridge.address.PhoneJids;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.mapping.Mappings;
import org.smsoverxmpp.bridge.receipts.SentMessages;
import org.smsoverxmpp.bridge.twilio.TwilioSender;
import org.smsoverxmpp.bridge.xmpp.RecordingSender;

/** A message that arrives while the bridge drains for shutdown is refused out loud, not dropped. */
class OutboundSmsShutdownTest {

    @Test
    void aMessageArrivingAfterTheLanesClosedGetsATemporaryError() throws Exception {
        ConversationExecutor lanes = new ConversationExecutor(2);
        assertThat(lanes.drain(Duration.ofSeconds(1))).isTrue();
        RecordingSender replies = new RecordingSender();
        Mappings mappings = new Mappings() {
            @Override
            public Optional<PhoneNumber> numberOf(EntityBareJid user) {
                return Optional.of(new PhoneNumber("+15550001111"));
            }

            @Override
            public List<EntityBareJid> usersOf(PhoneNumber number) {
                return List.of();
            }
        };
        // Never called: the lane refuses before any send.
        TwilioSender twilio = new TwilioSender(new TwilioRestClient.Builder("AC1", "token").build(), Optional.empty(),
                List.of());
        OutboundSms outbound = new OutboundSms(new PhoneJids(JidCreate.domainBareFrom("sms.example.com")), mappings,
                twilio, lanes, SentMessages.NONE, replies);

        outbound.onMessage(StanzaBuilder.buildMessage("m1").ofType(Message.Type.chat)
                .from(JidCreate.from("alice@example.com/phone")).to(JidCreate.from("+15551234567@sms.example.com"))
                .setBody("hello").build());

        assertThat(replies.sent()).singleElement().satisfies(reply -> {
            Message error = (Message) reply;
            assertThat(error.getType()).isEqualTo(Message.Type.error);
            assertThat(error.getStanzaId()).isEqualTo("m1");
            assertThat(error.getError().getType()).isEqualTo(StanzaError.Type.WAIT);
            assertThat(error.getError().getDescriptiveText()).contains("restarting");
        });
    }
}
