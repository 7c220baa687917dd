package org.smsoverxmpp.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventCodecTest {
    private final EventCodec codec = new EventCodec();
    private final Instant at = Instant.parse("2026-11-25T10:15:30Z");

    @Test
    void inboundSmsWithMediaSurvivesTheRoundTrip() throws Exception {
        InboundSms sms = new InboundSms("SM1", "AC1", "+15550001111", "+15552223333", "héllo 👋",
                List.of(new Media("https://api.twilio.com/m/ME1", "image/jpeg")), at);

        assertThat(codec.decode(codec.encode(sms))).isEqualTo(sms);
    }

    @Test
    void deliveryStatusSurvivesTheRoundTrip() throws Exception {
        DeliveryStatus status = new DeliveryStatus("SM2", "AC1", "undelivered", "30003", "+1555", "+1666", at);

        assertThat(codec.decode(codec.encode(status))).isEqualTo(status);
    }

    @Test
    void wireFormatNamesTheVersionAndType() {
        String json = codec.encode(new InboundSms("SM1", "AC1", "+1", "+2", "hi", List.of(), at));

        assertThat(json).contains("\"version\":1", "\"type\":\"sms\"", "\"messageSid\":\"SM1\"",
                "\"receivedAt\":\"2026-11-25T10:15:30Z\"");
    }

    @Test
    void anotherVersionIsRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> codec.decode("{\"version\":2,\"type\":\"sms\"}"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("version");
    }

    @Test
    void missingFieldIsNamed() {
        assertThatThrownBy(() -> codec.decode("{\"version\":1,\"type\":\"sms\",\"messageSid\":\"SM1\"}"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("accountSid");
    }

    @Test
    void garbageIsMalformed() {
        assertThatThrownBy(() -> codec.decode("not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode("[1]")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode("{\"version\":1,\"type\":\"fax\"}"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("fax");
    }

    @Test
    void conversationKeepsOneGroupForBothDirections() {
        InboundSms in = new InboundSms("SM1", "AC1", "+15550001111", "+15552223333", "", List.of(), at);
        DeliveryStatus out = new DeliveryStatus("SM2", "AC1", "sent", null, "+15552223333", "+15550001111", at);

        assertThat(in.messageGroupId()).isEqualTo("+15552223333|+15550001111").isEqualTo(out.messageGroupId());
    }

    @Test
    void deduplicationKeepsEachStatusButDropsRepeats() {
        DeliveryStatus sent = new DeliveryStatus("SM2", "AC1", "sent", null, "+1", "+2", at);
        DeliveryStatus delivered = new DeliveryStatus("SM2", "AC1", "delivered", null, "+1", "+2", at);

        assertThat(sent.deduplicationId()).isNotEqualTo(delivered.deduplicationId());
        assertThat(new InboundSms("SM9", "AC1", "+1", "+2", "", List.of(), at).deduplicationId()).isEqualTo("SM9");
    }

    @Test
    void fifoKeysReplaceWhatSqsRefusesAndStayWithinTheLimit() {
        assertThat(FifoKeys.sanitize("My Shop|+1555")).isEqualTo("My_Shop|+1555");
        assertThat(FifoKeys.sanitize("x".repeat(300))).hasSize(128);
    }
}
