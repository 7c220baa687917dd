package org.smsoverxmpp.bridge.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.smsoverxmpp.bridge.address.PhoneJids;
import org.smsoverxmpp.bridge.media.PublishedMedia;
import org.smsoverxmpp.bridge.xmpp.ext.OriginId;
import org.smsoverxmpp.bridge.xmpp.ext.OutOfBandData;
import org.smsoverxmpp.events.InboundSms;
import org.smsoverxmpp.events.Media;

class SmsToStanzasTest {
    private final SmsToStanzas convert = new SmsToStanzas(new PhoneJids(JidCreate.domainBareFromOrThrowUnchecked("sms.example.com")));
    private final EntityBareJid alice = JidCreate.entityBareFromOrThrowUnchecked("alice@example.com");
    private final EntityBareJid bob = JidCreate.entityBareFromOrThrowUnchecked("bob@example.com");

    private static InboundSms sms(String body, List<Media> media) {
        return new InboundSms("twilio", "SM1", "+15550001111", "+15552223333", body, media, Instant.EPOCH);
    }

    private static List<PublishedMedia> available(List<Media> media) {
        return media.stream().<PublishedMedia>map(PublishedMedia.Available::new).toList();
    }

    @Test
    void textBecomesOneChatToTheBareJidFromTheSender() {
        List<Message> stanzas = convert.convert(sms("hi 👋", List.of()), List.of(), List.of(alice));

        assertThat(stanzas).singleElement().satisfies(m -> {
            assertThat(m.getType()).isEqualTo(Message.Type.chat);
            assertThat(m.getFrom().toString()).isEqualTo("+15550001111@sms.example.com");
            assertThat(m.getTo().toString()).isEqualTo("alice@example.com");
            assertThat(m.getBody()).isEqualTo("hi 👋");
            assertThat(m.getStanzaId()).isEqualTo("SM1");
            // The same again if it is redelivered, so clients that follow XEP-0359 show it once.
            assertThat(OriginId.from(m).id()).isEqualTo("SM1");
        });
    }

    @Test
    void everyUserOfASharedNumberGetsIt() {
        assertThat(convert.convert(sms("hi", List.of()), List.of(), List.of(alice, bob)))
                .extracting(m -> m.getTo().toString()).containsExactly("alice@example.com", "bob@example.com");
    }

    @Test
    void eachMediaItemIsItsOwnMessageAfterTheText() {
        List<Media> media = List.of(new Media("https://m/1.png", "image/png"), new Media("https://m/2.jpg", "image/jpeg"));
        List<Message> stanzas = convert.convert(sms("look", media), available(media), List.of(alice));

        assertThat(stanzas).extracting(Message::getBody).containsExactly("look", "https://m/1.png", "https://m/2.jpg");
        assertThat(stanzas).extracting(Message::getStanzaId).containsExactly("SM1", "SM1-1", "SM1-2");
        assertThat(OutOfBandData.from(stanzas.get(1))).extracting(OutOfBandData::url).containsExactly("https://m/1.png");
        assertThat(OutOfBandData.from(stanzas.get(0))).isEmpty();
    }

    @Test
    void mediaOnlyMmsHasNoEmptyTextMessage() {
        List<Media> media = List.of(new Media("https://m/1", "image/png"));
        assertThat(convert.convert(sms("", media), available(media), List.of(alice)))
                .extracting(Message::getBody).containsExactly("https://m/1");
    }

    @Test
    void anSmsWithNeitherTextNorMediaIsShownAsAnEmptySmsNotAnEmptyBubble() {
        assertThat(convert.convert(sms("", List.of()), List.of(), List.of(alice)))
                .extracting(Message::getBody).containsExactly("(empty SMS)");
    }

    @Test
    void anAttachmentThatCannotBeRetrievedLeavesTheTextAndALineSayingSo() {
        List<PublishedMedia> media = List.of(new PublishedMedia.Unavailable("image/jpeg", "HTTP 404"),
                new PublishedMedia.Available(new Media("https://m/2.png", "image/png")));

        assertThat(convert.convert(sms("see this", List.of()), media, List.of(alice))).extracting(Message::getBody)
                .containsExactly("see this\n(An attachment of this MMS could not be retrieved: image/jpeg.)", "https://m/2.png");
    }

    @Test
    void aPictureOnlyMmsWhosePictureIsGoneStillSaysSomethingArrived() {
        assertThat(convert.convert(sms("", List.of()), List.of(new PublishedMedia.Unavailable("video/mp4", "HTTP 410")),
                List.of(alice))).extracting(Message::getBody)
                .containsExactly("(An attachment of this MMS could not be retrieved: video/mp4.)");
    }

    @Test
    void aSenderThatCannotBeAJidIsRefusedWithoutQuotingIt() {
        String absurd = "+1" + "5".repeat(5000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> convert.convert(
                new InboundSms("twilio", "SM1", absurd, "+15552223333", "hi", List.of(), Instant.EPOCH), List.of(), List.of(alice)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("55555");
    }
}
