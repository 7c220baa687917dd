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
        InboundSms sms = new InboundSms("telnyx", "40385f64-5717-4562-b3fc-2c963f66afa6", "+15550001111",
                "+15552223333", "héllo 👋", List.of(new Media("https://media.example/m/1.jpg", "image/jpeg")), at);

        assertThat(codec.decode(codec.encode(sms))).isEqualTo(sms);
    }

    @Test
    void deliveryStatusSurvivesTheRoundTrip() throws Exception {
        DeliveryStatus status = new DeliveryStatus("twilio", "SM2", MessageStatus.UNDELIVERED, "30003",
                "Unreachable destination handset", "+1555", "+1666", at);

        assertThat(codec.decode(codec.encode(status))).isEqualTo(status);
    }

    @Test
    void wireFormatNamesTheVersionTypeAndProvider() {
        String json = codec.encode(new InboundSms("twilio", "SM1", "+1", "+2", "hi", List.of(), at));

        assertThat(json).contains("\"version\":2", "\"type\":\"sms\"", "\"provider\":\"twilio\"",
                "\"messageId\":\"SM1\"", "\"receivedAt\":\"2026-11-25T10:15:30Z\"");
        assertThat(codec.encode(new DeliveryStatus("telnyx", "m1", MessageStatus.DELIVERED, null, null, "+1", "+2", at)))
                .contains("\"status\":\"delivered\"").doesNotContain("errorCode", "errorText");
    }

    /** Events the version 1 webhook wrote may still wait in a queue when the bridge is upgraded. */
    @Test
    void versionOneEventsStillReadAsTwilios() throws Exception {
        String sms = "{\"version\":1,\"type\":\"sms\",\"messageSid\":\"SM1\",\"accountSid\":\"AC1\","
                + "\"from\":\"+15557654321\",\"to\":\"+15550001111\",\"receivedAt\":\"2026-11-25T10:15:30Z\","
                + "\"body\":\"hi\",\"media\":[{\"url\":\"https://api.twilio.com/m/ME1\",\"contentType\":\"image/png\"}]}";
        String status = "{\"version\":1,\"type\":\"status\",\"messageSid\":\"SM2\",\"accountSid\":\"AC1\","
                + "\"from\":\"+15550001111\",\"to\":\"+15557654321\",\"receivedAt\":\"2026-11-25T10:15:30Z\","
                + "\"status\":\"undelivered\",\"errorCode\":\"30003\"}";

        assertThat(codec.decode(sms)).isEqualTo(new InboundSms("twilio", "SM1", "+15557654321", "+15550001111", "hi",
                List.of(new Media("https://api.twilio.com/m/ME1", "image/png")), at));
        assertThat(codec.decode(status)).isEqualTo(new DeliveryStatus("twilio", "SM2", MessageStatus.UNDELIVERED,
                "30003", null, "+15550001111", "+15557654321", at));
    }

    @Test
    void versionOneStatusWordsMapOntoTheFive() throws Exception {
        assertThat(v1Status("read")).isEqualTo(MessageStatus.DELIVERED);
        assertThat(v1Status("canceled")).isEqualTo(MessageStatus.FAILED);
        assertThat(v1Status("sending")).isEqualTo(MessageStatus.QUEUED);
        assertThat(v1Status("a-word-twilio-adds-later")).isEqualTo(MessageStatus.QUEUED);
    }

    private MessageStatus v1Status(String word) throws Exception {
        return ((DeliveryStatus) codec.decode("{\"version\":1,\"type\":\"status\",\"messageSid\":\"SM2\","
                + "\"accountSid\":\"AC1\",\"receivedAt\":\"2026-11-25T10:15:30Z\",\"status\":\"" + word + "\"}")).status();
    }

    @Test
    void anotherVersionIsRefusedRatherThanGuessed() {
        assertThatThrownBy(() -> codec.decode("{\"version\":3,\"type\":\"sms\"}"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("version");
    }

    @Test
    void missingFieldIsNamed() {
        assertThatThrownBy(() -> codec.decode("{\"version\":2,\"type\":\"sms\",\"messageId\":\"SM1\"}"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("provider");
        assertThatThrownBy(() -> codec.decode("{\"version\":1,\"type\":\"sms\",\"messageSid\":\"SM1\"}"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("accountSid");
    }

    @Test
    void aStatusOutsideTheFiveOrABadProviderNameIsMalformed() {
        String status = "{\"version\":2,\"type\":\"status\",\"provider\":\"%s\",\"messageId\":\"m\","
                + "\"receivedAt\":\"2026-11-25T10:15:30Z\",\"status\":\"%s\"}";

        assertThatThrownBy(() -> codec.decode(status.formatted("twilio", "sending")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("sending");
        assertThatThrownBy(() -> codec.decode(status.formatted("Twilio Inc", "sent")))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("provider");
    }

    @Test
    void garbageIsMalformed() {
        assertThatThrownBy(() -> codec.decode("not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode("[1]")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode("{\"version\":2,\"type\":\"fax\"}"))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("fax");
    }

    @Test
    void conversationKeepsOneGroupForBothDirections() {
        InboundSms in = new InboundSms("twilio", "SM1", "+15550001111", "+15552223333", "", List.of(), at);
        DeliveryStatus out = new DeliveryStatus("twilio", "SM2", MessageStatus.SENT, null, null,
                "+15552223333", "+15550001111", at);

        assertThat(in.messageGroupId()).isEqualTo("+15552223333|+15550001111").isEqualTo(out.messageGroupId());
    }

    @Test
    void deduplicationKeepsEachStatusAndEachProviderButDropsRepeats() {
        DeliveryStatus sent = new DeliveryStatus("telnyx", "m2", MessageStatus.SENT, null, null, "+1", "+2", at);
        DeliveryStatus delivered = new DeliveryStatus("telnyx", "m2", MessageStatus.DELIVERED, null, null, "+1", "+2", at);

        assertThat(sent.deduplicationId()).isNotEqualTo(delivered.deduplicationId());
        assertThat(new InboundSms("twilio", "SM9", "+1", "+2", "", List.of(), at).deduplicationId())
                .isEqualTo("twilio:SM9")
                .isNotEqualTo(new InboundSms("telnyx", "SM9", "+1", "+2", "", List.of(), at).deduplicationId());
    }

    @Test
    void fifoKeysReplaceWhatSqsRefusesAndStayWithinTheLimit() {
        assertThat(FifoKeys.sanitize("My Shop|+1555")).isEqualTo("My_Shop|+1555");
        assertThat(FifoKeys.sanitize("x".repeat(300))).hasSize(128);
    }
}
