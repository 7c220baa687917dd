package org.smsoverxmpp.bridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.bridge.provider.RecordingProvider;
import org.smsoverxmpp.bridge.provider.SendResult;
import org.jxmpp.jid.impl.JidCreate;

class ErrorReplyTest {
    private final Message original = StanzaBuilder.buildMessage("m1")
            .from(JidCreate.fromOrThrowUnchecked("alice@example.com/phone"))
            .to(JidCreate.fromOrThrowUnchecked("+15551234567@sms.example.com"))
            .ofType(Message.Type.chat).setBody("hello").build();

    @Test
    void errorCopyKeepsIdAndBodyAndGoesBackToTheFullJid() {
        Message error = ErrorReply.notRegistered("alice@example.com").toStanza(original);

        assertThat(error.getType()).isEqualTo(Message.Type.error);
        assertThat(error.getStanzaId()).isEqualTo("m1");
        assertThat(error.getBody()).isEqualTo("hello");
        assertThat(error.getTo().toString()).isEqualTo("alice@example.com/phone");
        assertThat(error.getFrom().toString()).isEqualTo("+15551234567@sms.example.com");
        assertThat(error.getError().getType()).isEqualTo(StanzaError.Type.AUTH);
        assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.registration_required);
    }

    @Test
    void conditionsFollowTheConventionsTable() {
        assertThat(ErrorReply.badNumber("x").type()).isEqualTo(StanzaError.Type.CANCEL);
        assertThat(ErrorReply.emptyMessage().condition()).isEqualTo(StanzaError.Condition.policy_violation);
        assertThat(ErrorReply.emptyMessage().type()).isEqualTo(StanzaError.Type.MODIFY);
        RecordingProvider twilio = new RecordingProvider("twilio");
        ErrorReply badTo = ErrorReply.of(new SendResult.Rejected(400, "21211", "bad To"), twilio);
        assertThat(badTo.condition()).isEqualTo(StanzaError.Condition.not_acceptable);
        assertThat(badTo.text()).isEqualTo("Twilio refused the SMS: error 21211: bad To (https://help.example/21211)");
        assertThat(ErrorReply.of(new SendResult.Rejected(500, null, "boom"), twilio).condition())
                .isEqualTo(StanzaError.Condition.internal_server_error);
        ErrorReply busy = ErrorReply.of(new SendResult.Unavailable(503, "20503", "busy"), twilio);
        assertThat(busy.type()).isEqualTo(StanzaError.Type.WAIT);
        assertThat(busy.text()).contains("HTTP 503, error 20503: busy", "was not sent");
        ErrorReply lost = ErrorReply.of(new SendResult.OutcomeUnknown("read timed out"), twilio);
        assertThat(lost.condition()).isEqualTo(StanzaError.Condition.remote_server_timeout);
        assertThat(lost.text()).contains("may or may not");
    }
}
