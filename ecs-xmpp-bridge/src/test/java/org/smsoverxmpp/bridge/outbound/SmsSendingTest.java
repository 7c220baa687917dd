package org.smsoverxmpp.bridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.http.TwilioRestClient;
import java.net.URI;
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
import org.smsoverxmpp.bridge.twilio.SendResult;
import org.smsoverxmpp.bridge.twilio.TwilioSender;
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
        public void finish(String outboxId, Optional<ErrorReply> refusal) {
            records.put(outboxId, Optional.of(refusal));
        }
    }

    /** The provider: records each send and answers as told. */
    static final class RecordingSender extends TwilioSender {
        final List<String> sent = new CopyOnWriteArrayList<>();
        volatile SendResult answer = new SendResult.Sent("SM1");

        RecordingSender() {
            super(new TwilioRestClient.Builder("AC1", "token").build(), Optional.empty(), List.of());
        }

        @Override
        public SendResult send(PhoneNumber from, String to, String body, List<URI> media) {
            sent.add(from + ">" + to + ":" + body);
            return answer;
        }
    }

    private final RecordedAttempts attempts = new RecordedAttempts();
    private final RecordingSender twilio = new RecordingSender();
    private final FakeComponentLink xmpp = new FakeComponentLink();
    private final List<SentMessage> receipts = new CopyOnWriteArrayList<>();
    private final Mappings mappings = new Mappings() {
        @Override
        public Optional<PhoneNumber> numberOf(EntityBareJid user) {
            return user.toString().equals("alice@example.com") ? Optional.of(new PhoneNumber("+15550001111")) : Optional.empty();
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
        }

        @Override
        public Optional<SentMessage> find(String messageSid) {
            return Optional.empty();
        }
    };
    private final CountingMetrics metrics = new CountingMetrics();
    private final SmsSending sending = new SmsSending(mappings, twilio, sent, attempts,
            new Replies(xmpp, Duration.ofMillis(200)), Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC), metrics);

    private static OutboundMessage message(String sender, String text, Instant acceptedAt) {
        return new OutboundMessage("ob-1", sender, "m1", "+15557654321@sms.example.com", "+15557654321", text, text,
                List.of(), true, acceptedAt);
    }

    private static OutboundMessage fromAlice(String text) {
        return message("alice@example.com/phone", text, NOW);
    }

    private Message onlyErrorCopy() {
        assertThat(xmpp.written()).hasSize(1);
        Message copy = (Message) xmpp.written().get(0);
        assertThat(copy.getType()).isEqualTo(Message.Type.error);
        assertThat(copy.getStanzaId()).isEqualTo("m1");
        assertThat(copy.getTo().toString()).isEqualTo("alice@example.com/phone");
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
    void aSentMessageAndARefusedOneAreCountedTheRefusalByItsCondition() {
        sending.send(fromAlice("hi"), 1);
        twilio.answer = new SendResult.Rejected(400, 21211, "The 'To' number is not a valid phone number.");
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
        twilio.answer = new SendResult.Rejected(400, 21211, "The 'To' number is not a valid phone number.");
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
        twilio.answer = new SendResult.Rejected(400, 21610, "Attempt to send to unsubscribed recipient");
        xmpp.dropAfter(0);

        assertThat(sending.send(fromAlice("hi"), 1)).isInstanceOf(SmsSending.Outcome.Later.class);

        assertThat(attempts.records.get("ob-1")).hasValueSatisfying(outcome -> assertThat(outcome).isPresent());
        assertThat(twilio.sent).hasSize(1);
    }
}
