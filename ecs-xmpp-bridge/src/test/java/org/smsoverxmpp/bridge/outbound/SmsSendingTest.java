package org.smsoverxmpp.bridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.smsoverxmpp.bridge.metrics.CountingMetrics;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.mapping.Mappings;
import org.smsoverxmpp.bridge.receipts.SentMessage;
import org.smsoverxmpp.bridge.receipts.SentMessages;
import org.smsoverxmpp.bridge.mapping.Mapping;
import org.smsoverxmpp.bridge.provider.Providers;
import org.smsoverxmpp.bridge.provider.RecordingProvider;
import org.smsoverxmpp.bridge.provider.SendResult;
import org.smsoverxmpp.bridge.xmpp.FakeComponentLink;
import software.amazon.awssdk.core.exception.SdkClientException;

/** One outbox message: one SMS or one error copy, and never a second SMS, whatever happened before. */
class SmsSendingTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    /** The attempt records as DynamoDB keeps them: the first begin wins, the outcome is stored. */
    static final class RecordedAttempts implements Attempts {
        final Map<String, Optional<Optional<ErrorReply>>> records = new ConcurrentHashMap<>();
        volatile boolean down;

        @Override
        public Attempt begin(String outboxId, int receiveCount) {
            if (down) {
                throw SdkClientException.create("DynamoDB unreachable");
            }
            Optional<Optional<ErrorReply>> earlier = records.putIfAbsent(outboxId, Optional.empty());
            if (earlier == null) {
                return new Attempt.First();
            }
            return earlier.map(outcome -> (Attempt) new Attempt.Again(outcome, outcome.isEmpty()))
                    .orElseGet(() -> new Attempt.Again(Optional.empty(), false));
        }

        @Override
        public void refused(String outboxId, ErrorReply reply) {
            records.put(outboxId, Optional.of(Optional.of(reply)));
        }

        /** As the table does: the last SMS's record carries its outbox message's result. */
        void recordedWith(SentMessage record) {
            if (record.completesOutboxMessage() != null) {
                records.put(record.completesOutboxMessage(), Optional.of(Optional.empty()));
            }
        }
    }

    private final RecordedAttempts attempts = new RecordedAttempts();
    private final RecordingProvider twilio = new RecordingProvider("twilio");
    private final RecordingProvider telnyx = new RecordingProvider("telnyx");
    private final FakeComponentLink xmpp = new FakeComponentLink();
    private final List<SentMessage> receipts = new CopyOnWriteArrayList<>();
    private final Mappings mappings = new Mappings() {
        @Override
        public Optional<Mapping> mappingOf(EntityBareJid user) {
            return switch (user.toString()) {
                case "alice@example.com" -> Optional.of(new Mapping(user, new PhoneNumber("+15550001111")));
                case "tess@example.com" -> Optional.of(new Mapping(user, new PhoneNumber("+15550002222"), Optional.of("telnyx")));
                case "vic@example.com" -> Optional.of(new Mapping(user, new PhoneNumber("+15550003333"), Optional.of("vonage")));
                default -> Optional.empty();
            };
        }

        @Override
        public List<EntityBareJid> usersOf(PhoneNumber number) {
            return List.of();
        }
    };
    private final SentMessages sent = new SentMessages() {
        @Override
        public void remember(SentMessage message) {
            receipts.add(message);
            attempts.recordedWith(message);
        }

        @Override
        public Optional<SentMessage> find(String messageSid) {
            return Optional.empty();
        }
    };
    private final CountingMetrics metrics = new CountingMetrics();
    private final SmsSending sending = new SmsSending(mappings, new Providers(List.of(twilio, telnyx), "twilio"), sent, attempts,
            new Replies(xmpp, Duration.ofMillis(200)), Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC), metrics);

    private static OutboundMessage message(String sender, String text, Instant acceptedAt) {
        return new OutboundMessage("ob-1", sender, "m1", "+15557654321@sms.example.com", "+15557654321", text, text,
                List.of(), true, acceptedAt);
    }

    private static OutboundMessage fromAlice(String text) {
        return message("alice@example.com/phone", text, NOW);
    }

    private Message onlyErrorCopy() {
        return onlyErrorCopyTo("alice@example.com/phone");
    }

    private Message onlyErrorCopyTo(String sender) {
        assertThat(xmpp.written()).hasSize(1);
        Message copy = (Message) xmpp.written().get(0);
        assertThat(copy.getType()).isEqualTo(Message.Type.error);
        assertThat(copy.getStanzaId()).isEqualTo("m1");
        assertThat(copy.getTo().toString()).isEqualTo(sender);
        return copy;
    }

    @Test
    void aFirstAttemptIsSentRecordedAndKeptForItsReceipt() {
        assertThat(sending.send(fromAlice("hi"), 1)).isInstanceOf(SmsSending.Outcome.Done.class);

        assertThat(twilio.sent).containsExactly("+15550001111>+15557654321:hi");
        assertThat(attempts.records.get("ob-1")).contains(Optional.empty());
        assertThat(receipts).singleElement().satisfies(r -> assertThat(r.receiptRequested()).isTrue());
        assertThat(xmpp.written()).isEmpty();
    }

    @Test
    void onlyTheLastPartOfALongTextRecordsTheMessageAsSent() {
        String text = "x".repeat(twilio.maxCharacters() * 2 + 1);

        assertThat(sending.send(fromAlice(text), 1)).isInstanceOf(SmsSending.Outcome.Done.class);

        assertThat(receipts).hasSize(3);
        assertThat(receipts).extracting(SentMessage::completesOutboxMessage).containsExactly(null, null, "ob-1");
        assertThat(sending.send(fromAlice(text), 2)).isInstanceOf(SmsSending.Outcome.Done.class);
        assertThat(twilio.sent).hasSize(3);
    }

    @Test
    void aSentMessageAndARefusedOneAreCountedTheRefusalByItsCondition() {
        sending.send(fromAlice("hi"), 1);
        twilio.answer = new SendResult.Rejected(400, "21211", "The 'To' number is not a valid phone number.");
        sending.send(new OutboundMessage("ob-2", "alice@example.com/phone", "m1", "+15557654321@sms.example.com",
                "+15557654321", "again", "again", List.of(), true, NOW), 1);

        assertThat(metrics.calls()).containsExactly("outboundSent",
                "outboundRefused " + onlyErrorCopy().getError().getCondition());
    }

    @Test
    void aMessageThatComesBackAfterItWasSentIsNotSentAgain() {
        sending.send(fromAlice("hi"), 1);

        assertThat(sending.send(fromAlice("hi"), 2)).isInstanceOf(SmsSending.Outcome.Done.class);

        assertThat(twilio.sent).hasSize(1);
        assertThat(xmpp.written()).isEmpty();
    }

    @Test
    void aMessageWhoseAttemptHasNoResultIsAnsweredMayOrMayNotNeverSentTwice() {
        attempts.records.put("ob-1", Optional.empty());

        assertThat(sending.send(fromAlice("hi"), 2)).isInstanceOf(SmsSending.Outcome.Done.class);

        assertThat(twilio.sent).isEmpty();
        Message copy = onlyErrorCopy();
        assertThat(copy.getError().getCondition()).isEqualTo(StanzaError.Condition.remote_server_timeout);
        assertThat(copy.getError().getDescriptiveText()).contains("may or may not have been sent");
        assertThat(copy.getBody()).isEqualTo("hi");
    }

    @Test
    void aRefusalThatComesBackGivesTheSameAnswerAgainWithoutCallingTheProvider() {
        twilio.answer = new SendResult.Rejected(400, "21211", "The 'To' number is not a valid phone number.");
        sending.send(fromAlice("hi"), 1);
        xmpp.written().clear();

        sending.send(fromAlice("hi"), 2);

        assertThat(twilio.sent).hasSize(1);
        assertThat(onlyErrorCopy().getError().getDescriptiveText()).contains("21211");
    }

    @Test
    void whenTheAttemptCannotBeRecordedNothingIsSentAndTheMessageWaits() {
        attempts.down = true;

        assertThat(sending.send(fromAlice("hi"), 1)).isInstanceOf(SmsSending.Outcome.Later.class);

        assertThat(twilio.sent).isEmpty();
        assertThat(xmpp.written()).isEmpty();
    }

    @Test
    void aMessageThatWaitedLongerThanTheMaximumIsAnsweredNotSentLate() {
        assertThat(sending.send(message("alice@example.com/phone", "old news", NOW.minus(Duration.ofMinutes(90))), 1))
                .isInstanceOf(SmsSending.Outcome.Done.class);

        assertThat(twilio.sent).isEmpty();
        assertThat(onlyErrorCopy().getError().getDescriptiveText()).contains("90 minutes", "not sent");
    }

    @Test
    void anUnmappedSenderIsToldToRegister() {
        sending.send(message("mallory@example.com/laptop", "let me in", NOW), 1);

        assertThat(twilio.sent).isEmpty();
        assertThat(xmpp.written()).singleElement().satisfies(s -> assertThat(((Message) s).getError().getCondition())
                .isEqualTo(StanzaError.Condition.registration_required));
    }

    @Test
    void aRefusalWhileTheStreamIsDownKeepsTheMessageAndItsResultForLater() {
        twilio.answer = new SendResult.Rejected(400, "21610", "Attempt to send to unsubscribed recipient");
        xmpp.dropAfter(0);

        assertThat(sending.send(fromAlice("hi"), 1)).isInstanceOf(SmsSending.Outcome.Later.class);

        assertThat(attempts.records.get("ob-1")).hasValueSatisfying(outcome -> assertThat(outcome).isPresent());
        assertThat(twilio.sent).hasSize(1);
    }

    @Test
    void aMappingThatNamesItsProviderSendsThroughItAndTheRestThroughTheDefault() {
        sending.send(message("tess@example.com/phone", "via telnyx", NOW), 1);
        sending.send(new OutboundMessage("ob-2", "alice@example.com/phone", "m2", "+15557654321@sms.example.com",
                "+15557654321", "via twilio", "via twilio", List.of(), true, NOW), 1);

        assertThat(telnyx.sent).containsExactly("+15550002222>+15557654321:via telnyx");
        assertThat(twilio.sent).containsExactly("+15550001111>+15557654321:via twilio");
    }

    @Test
    void aRefusalNamesTheProviderThatRefusedAndItsHelpPage() {
        telnyx.answer = new SendResult.Rejected(422, "40310", "Invalid 'to' address");

        sending.send(message("tess@example.com/phone", "hi", NOW), 1);

        assertThat(onlyErrorCopyTo("tess@example.com/phone").getError().getDescriptiveText())
                .startsWith("Telnyx refused the SMS: error 40310: Invalid 'to' address")
                .contains("https://help.example/40310");
    }

    @Test
    void aMappingThatNamesAProviderThisGatewayLacksIsToldSoAndNothingIsSent() {
        sending.send(message("vic@example.com/phone", "hi", NOW), 1);

        assertThat(twilio.sent).isEmpty();
        assertThat(telnyx.sent).isEmpty();
        Message copy = onlyErrorCopyTo("vic@example.com/phone");
        assertThat(copy.getError().getCondition()).isEqualTo(StanzaError.Condition.service_unavailable);
        assertThat(copy.getError().getDescriptiveText()).contains("'vonage'", "not configured", "not sent");
    }

    @Test
    void aProviderThatCouldNotBeReachedMeansNotSentAndALostAnswerMeansMaybe() {
        twilio.answer = SendResult.Unavailable.unreachable("connection refused");
        sending.send(fromAlice("hi"), 1);
        assertThat(onlyErrorCopy().getError().getDescriptiveText())
                .isEqualTo("Twilio could not be reached; the SMS was not sent. Try again later.");

        xmpp.written().clear();
        twilio.answer = new SendResult.OutcomeUnknown("read timed out");
        sending.send(new OutboundMessage("ob-2", "alice@example.com/phone", "m1", "+15557654321@sms.example.com",
                "+15557654321", "hi", "hi", List.of(), true, NOW), 1);
        assertThat(onlyErrorCopy().getError().getDescriptiveText()).contains("Twilio did not answer in time", "may or may not");
    }
}
