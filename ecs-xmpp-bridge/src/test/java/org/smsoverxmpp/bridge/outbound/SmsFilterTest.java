package org.smsoverxmpp.bridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smackx.chatstates.ChatState;
import org.jivesoftware.smackx.chatstates.packet.ChatStateExtension;
import org.jivesoftware.smackx.receipts.DeliveryReceipt;
import org.junit.jupiter.api.Test;

class SmsFilterTest {

    @Test
    void chatAndNormalMessagesWithABodyAreForSms() {
        assertThat(SmsFilter.isForSms(StanzaBuilder.buildMessage().ofType(Message.Type.chat).setBody("hi").build())).isTrue();
        assertThat(SmsFilter.isForSms(StanzaBuilder.buildMessage().setBody("hi").build())).isTrue();
    }

    @Test
    void chatStatesAndReceiptsAreNot() {
        assertThat(SmsFilter.isForSms(StanzaBuilder.buildMessage().ofType(Message.Type.chat)
                .addExtension(new ChatStateExtension(ChatState.composing)).build())).isFalse();
        assertThat(SmsFilter.isForSms(StanzaBuilder.buildMessage().ofType(Message.Type.chat)
                .addExtension(new DeliveryReceipt("x")).build())).isFalse();
    }

    @Test
    void errorsGroupchatAndHeadlinesAreNot() {
        for (Message.Type type : new Message.Type[] {Message.Type.error, Message.Type.groupchat, Message.Type.headline}) {
            assertThat(SmsFilter.isForSms(StanzaBuilder.buildMessage().ofType(type).setBody("hi").build())).isFalse();
        }
    }
}
