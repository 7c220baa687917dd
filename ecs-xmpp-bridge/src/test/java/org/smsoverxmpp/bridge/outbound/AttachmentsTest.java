package org.smsoverxmpp.bridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.bridge.xmpp.ext.OutOfBandData;

class AttachmentsTest {

    @Test
    void urlAtTheEndOfTheBodyIsStrippedAndTheRestIsTheCaption() {
        Attachments attachments = Attachments.of(StanzaBuilder.buildMessage()
                .setBody("look at this https://up.example/cat.jpg")
                .addExtension(new OutOfBandData("https://up.example/cat.jpg")).build());

        assertThat(attachments.caption()).isEqualTo("look at this");
        assertThat(attachments.media()).containsExactly(URI.create("https://up.example/cat.jpg"));
    }

    @Test
    void bodyThatIsOnlyTheUrlLeavesNoCaption() {
        Attachments attachments = Attachments.of(StanzaBuilder.buildMessage().setBody("https://up.example/a.png")
                .addExtension(new OutOfBandData("https://up.example/a.png")).build());

        assertThat(attachments.caption()).isEmpty();
        assertThat(attachments.isEmpty()).isFalse();
    }

    @Test
    void textWithoutAttachmentsIsJustText() {
        Attachments attachments = Attachments.of(StanzaBuilder.buildMessage().setBody(" hi ").build());

        assertThat(attachments.caption()).isEqualTo("hi");
        assertThat(attachments.media()).isEmpty();
    }

    @Test
    void blankBodyWithoutAttachmentsIsEmpty() {
        assertThat(Attachments.of(StanzaBuilder.buildMessage().setBody("  ").build()).isEmpty()).isTrue();
    }

    @Test
    void nonHttpUrlsAreNotMedia() {
        Attachments attachments = Attachments.of(StanzaBuilder.buildMessage().setBody("x")
                .addExtension(new OutOfBandData("file:///etc/passwd")).build());

        assertThat(attachments.media()).isEmpty();
    }
}
