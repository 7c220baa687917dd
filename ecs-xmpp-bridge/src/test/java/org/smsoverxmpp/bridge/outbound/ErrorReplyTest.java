package org.smsoverxmpp.bridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
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
        assertThat(ErrorReply.providerRejected(21211, "bad To", false).condition()).isEqualTo(StanzaError.Condition.not_acceptable);
        assertThat(ErrorReply.providerRejected(21211, "bad To", false).text()).contains("21211", "bad To");
        assertThat(ErrorReply.providerRejected(null, "boom", true).condition()).isEqualTo(StanzaError.Condition.internal_server_error);
        assertThat(ErrorReply.providerBusy(503, 20503, "busy").type()).isEqualTo(StanzaError.Type.WAIT);
        assertThat(ErrorReply.providerUnreachable(true).condition()).isEqualTo(StanzaError.Condition.remote_server_timeout);
        assertThat(ErrorReply.providerUnreachable(true).text()).contains("may or may not");
    }
}
