package org.smsoverxmpp.webhook.telnyx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smsoverxmpp.webhook.telnyx.TelnyxPayloads.MESSAGE_ID;
import static org.smsoverxmpp.webhook.telnyx.TelnyxPayloads.OUR_NUMBER;
import static org.smsoverxmpp.webhook.telnyx.TelnyxPayloads.THEIR_NUMBER;
import static org.smsoverxmpp.webhook.telnyx.TelnyxPayloads.bytes;
import static org.smsoverxmpp.webhook.telnyx.TelnyxPayloads.payload;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smsoverxmpp.events.DeliveryStatus;
import org.smsoverxmpp.events.InboundSms;
import org.smsoverxmpp.events.Media;
import org.smsoverxmpp.events.MessageStatus;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.provider.Received;

class TelnyxEventsTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static Object read(ObjectNode event) throws WebhookRejection {
        return read(event, NOW);
    }

    /** The event, or what was ignored. */
    private static Object read(ObjectNode event, Instant receivedAt) throws WebhookRejection {
        Received received = TelnyxEvents.read(bytes(event), receivedAt);
        return received instanceof Received.Event e ? e.event() : received;
    }

    private static WebhookRejection refused(byte[] body) {
        try {
            TelnyxEvents.read(body, NOW);
        } catch (WebhookRejection rejection) {
            assertThat(rejection.status()).isEqualTo(400);
            return rejection;
        }
        throw new AssertionError("accepted " + new String(body, StandardCharsets.UTF_8));
    }

    private static WebhookRejection refused(ObjectNode event) {
        return refused(bytes(event));
    }

    @Test
    void receivedMessageBecomesAnSmsWithEveryField() throws Exception {
        assertThat(read(TelnyxPayloads.received())).isEqualTo(new InboundSms("telnyx", MESSAGE_ID, THEIR_NUMBER,
                OUR_NUMBER, "Hello, World!", List.of(), NOW));
    }

    @Test
    void mmsCarriesEachMediaItemWithItsTypeOrTheDefault() throws Exception {
        ObjectNode event = TelnyxPayloads.received();
        ArrayNode media = payload(event).putArray("media");
        media.addObject().put("url", "https://media.telnyx.com/a.jpg").put("content_type", "image/jpeg")
                .put("size", 1024).put("hash_sha256", "x");
        media.addObject().put("url", "https://media.telnyx.com/b").putNull("content_type");
        media.addObject().put("url", "http://media.telnyx.com/c");

        assertThat(((InboundSms) read(event)).media()).containsExactly(
                new Media("https://media.telnyx.com/a.jpg", "image/jpeg"),
                new Media("https://media.telnyx.com/b", "application/octet-stream"),
                new Media("http://media.telnyx.com/c", "application/octet-stream"));
    }

    @Test
    void mmsWithoutTextHasAnEmptyBody() throws Exception {
        ObjectNode absent = TelnyxPayloads.received();
        payload(absent).remove("text");
        ObjectNode nullText = TelnyxPayloads.received();
        payload(nullText).putNull("text");

        assertThat(((InboundSms) read(absent)).body()).isEmpty();
        assertThat(((InboundSms) read(nullText)).body()).isEmpty();
    }

    @Test
    void fromMayBeAShortCodeOrASenderId() throws Exception {
        for (String from : List.of("72345", "AMAZON")) {
            ObjectNode event = TelnyxPayloads.received();
            ((ObjectNode) payload(event).path("from")).put("phone_number", from);

            assertThat(((InboundSms) read(event)).from()).isEqualTo(from);
        }
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "message.sent, queued, QUEUED",
            "message.sent, sending, QUEUED",
            "message.sent, sent, SENT",
            "message.finalized, delivery_unconfirmed, SENT",
            "message.finalized, delivered, DELIVERED",
            "message.finalized, delivery_failed, UNDELIVERED",
            "message.finalized, expired, UNDELIVERED",
            "message.finalized, sending_failed, FAILED",
            "message.finalized, a_word_telnyx_adds_later, QUEUED"})
    void statusEventsBecomeTheContractsFiveWords(String eventType, String word, MessageStatus expected)
            throws Exception {
        assertThat(read(TelnyxPayloads.status(eventType, word))).isEqualTo(new DeliveryStatus("telnyx", MESSAGE_ID,
                expected, null, null, OUR_NUMBER, THEIR_NUMBER, NOW));
    }

    @Test
    void aFailureCarriesTelnyxsFirstErrorCodeAndTitle() throws Exception {
        ObjectNode event = TelnyxPayloads.status("message.finalized", "delivery_failed");
        ArrayNode errors = payload(event).putArray("errors");
        errors.addObject().put("code", "40002").put("title", "Blocked as spam").put("detail", "carrier said no");
        errors.addObject().put("code", "40300").put("title", "second");

        DeliveryStatus status = (DeliveryStatus) read(event);

        assertThat(status.errorCode()).isEqualTo("40002");
        assertThat(status.errorText()).isEqualTo("Blocked as spam");
    }

    @Test
    void anErrorCodeWrittenAsANumberIsTheSameCode() throws Exception {
        ObjectNode event = TelnyxPayloads.status("message.finalized", "sending_failed");
        payload(event).putArray("errors").addObject().put("code", 40008);

        assertThat(((DeliveryStatus) read(event)).errorCode()).isEqualTo("40008");
        assertThat(((DeliveryStatus) read(event)).errorText()).isNull();
    }

    @Test
    void aStatusWithoutItsNumbersIsTakenAsItComes() throws Exception {
        ObjectNode event = TelnyxPayloads.status("message.sent", "sent");
        payload(event).remove("from");
        ((ObjectNode) payload(event).path("to").get(0)).remove("phone_number");

        DeliveryStatus status = (DeliveryStatus) read(event);

        assertThat(status.from()).isEmpty();
        assertThat(status.to()).isEmpty();
        assertThat(status.messageGroupId()).isEqualTo(MESSAGE_ID);
    }

    @Test
    void theSameMessageMapsTheSameWayEveryTimeSoRepeatsAreDeduplicated() throws Exception {
        ObjectNode first = TelnyxPayloads.status("message.finalized", "delivered");
        ObjectNode repeat = TelnyxPayloads.status("message.finalized", "delivered");
        ((ObjectNode) repeat.path("meta")).put("attempt", 2);
        ((ObjectNode) repeat.path("data")).put("id", "another-event-id-for-the-same-message");

        DeliveryStatus a = (DeliveryStatus) read(first);
        DeliveryStatus b = (DeliveryStatus) read(repeat, NOW.plusSeconds(30));

        assertThat(b.deduplicationId()).isEqualTo(a.deduplicationId()).isEqualTo("telnyx:" + MESSAGE_ID + "-delivered");
        assertThat(read(TelnyxPayloads.received())).extracting(e -> ((InboundSms) e).deduplicationId())
                .isEqualTo("telnyx:" + MESSAGE_ID);
    }

    @Test
    void otherEventTypesAreIgnoredAndNamedOnlyWhenTheyLookLikeOne() throws Exception {
        ObjectNode call = TelnyxPayloads.received();
        ((ObjectNode) call.path("data")).put("event_type", "call.initiated");
        ObjectNode queued = TelnyxPayloads.status("message.queued", "queued");
        ObjectNode odd = TelnyxPayloads.received();
        ((ObjectNode) odd.path("data")).put("event_type", "call me on " + THEIR_NUMBER);

        assertThat(read(call)).isEqualTo(new Received.Ignored("event call.initiated"));
        assertThat(read(queued)).isEqualTo(new Received.Ignored("event message.queued"));
        assertThat(read(odd)).isInstanceOfSatisfying(Received.Ignored.class,
                ignored -> assertThat(ignored.what()).doesNotContain("555"));
    }

    @Test
    void missingOrMisshapenFieldsAreRefusedByTheirPath() {
        ObjectNode noId = TelnyxPayloads.received();
        payload(noId).remove("id");
        ObjectNode numericId = TelnyxPayloads.received();
        payload(numericId).put("id", 7);
        ObjectNode noRecipients = TelnyxPayloads.received();
        payload(noRecipients).putArray("to");
        ObjectNode noFrom = TelnyxPayloads.received();
        payload(noFrom).put("from", "+15557654321");
        ObjectNode noStatus = TelnyxPayloads.status("message.finalized", "delivered");
        ((ObjectNode) payload(noStatus).path("to").get(0)).remove("status");
        ObjectNode noType = TelnyxPayloads.received();
        ((ObjectNode) noType.path("data")).remove("event_type");

        assertThat(refused(noId)).hasMessage("missing data.payload.id");
        assertThat(refused(numericId)).hasMessage("data.payload.id must be a string");
        assertThat(refused(noRecipients)).hasMessageContaining("data.payload.to");
        assertThat(refused(noFrom)).hasMessage("data.payload.from must be an object");
        assertThat(refused(noStatus)).hasMessage("missing data.payload.to[0].status");
        assertThat(refused(noType)).hasMessage("missing data.event_type");
    }

    @Test
    void fieldsAreHeldToTheContractsRulesNamingTheRuleNotTheValue() {
        ObjectNode longFrom = TelnyxPayloads.received();
        ((ObjectNode) payload(longFrom).path("from")).put("phone_number", "+1" + "5".repeat(40));
        ObjectNode shortCodeTo = TelnyxPayloads.received();
        ((ObjectNode) payload(shortCodeTo).path("to").get(0)).put("phone_number", "72345");
        ObjectNode longText = TelnyxPayloads.received();
        payload(longText).put("text", "x".repeat(1601));
        ObjectNode badId = TelnyxPayloads.received();
        payload(badId).put("id", "7ee4241c f127");
        ObjectNode elevenMedia = TelnyxPayloads.received();
        ArrayNode media = payload(elevenMedia).putArray("media");
        for (int i = 0; i < 11; i++) {
            media.addObject().put("url", "https://media.telnyx.com/" + i);
        }
        ObjectNode relativeMedia = TelnyxPayloads.received();
        payload(relativeMedia).putArray("media").addObject().put("url", "/media/1");

        assertThat(refused(longFrom)).hasMessageContaining("data.payload.from.phone_number")
                .hasMessageContaining("at most 15").hasMessageNotContaining("5555");
        assertThat(refused(shortCodeTo)).hasMessage("data.payload.to[0].phone_number must be one of our numbers, in E.164");
        assertThat(refused(longText)).hasMessageContaining("data.payload.text has 1601 characters");
        assertThat(refused(badId)).hasMessage("data.payload.id must be 1 to 64 ASCII letters, digits and -");
        assertThat(refused(elevenMedia)).hasMessage("data.payload.media must be between 0 and 10");
        assertThat(refused(relativeMedia)).hasMessage("data.payload.media[0].url must be an absolute http(s) URL");
    }

    @Test
    void aBodyThatIsNotOneJsonObjectInUtf8IsRefusedWithoutQuotingIt() {
        byte[] latin1 = "{\"data\":{\"event_type\":\"café\"}}".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(refused(latin1)).hasMessage("body is not UTF-8");
        for (String body : List.of("", "[]", "\"data\"", "{\"data\": ", "{} {}", "{\"a\":1,\"a\":2}",
                "{\"data\":{\"secret " + THEIR_NUMBER + "\"}}")) {
            assertThat(refused(body.getBytes(StandardCharsets.UTF_8))).as(body).hasMessage("body is not a JSON object");
        }
    }

    @Test
    void aRepeatedKeyIsRefusedRatherThanGuessedAt() {
        byte[] twoIds = ("{\"data\":{\"event_type\":\"message.received\",\"payload\":{\"id\":\"a\",\"id\":\"b\"}}}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(refused(twoIds)).hasMessage("body is not a JSON object");
    }
}
