package org.smsoverxmpp.bridge.inbound;

import org.smsoverxmpp.bridge.queue.QueuePoller;
import org.smsoverxmpp.bridge.queue.FakeSqs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.smsoverxmpp.bridge.metrics.CountingMetrics;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.smsoverxmpp.bridge.address.PhoneJids;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.mapping.Mapping;
import org.smsoverxmpp.bridge.provider.Providers;
import org.smsoverxmpp.bridge.queue.ReceiveRhythm;
import org.smsoverxmpp.bridge.provider.RecordingProvider;
import org.smsoverxmpp.bridge.mapping.Mappings;
import org.smsoverxmpp.bridge.media.MediaStore;
import org.smsoverxmpp.bridge.receipts.DeliveryReports;
import org.smsoverxmpp.bridge.receipts.SentMessage;
import org.smsoverxmpp.bridge.receipts.SentMessages;
import org.smsoverxmpp.bridge.receipts.StatusDelivery;
import org.smsoverxmpp.bridge.xmpp.FakeComponentLink;
import org.smsoverxmpp.events.DeliveryStatus;
import org.smsoverxmpp.events.EventCodec;
import org.smsoverxmpp.events.InboundSms;

/** The consumer with a fake queue and a fake stream: each outcome settles its message the way it should. */
class QueueConsumerTest {
    private static final Providers PROVIDERS = new Providers(List.of(new RecordingProvider("twilio")), "twilio");
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String ALICE_NUMBER = "+15550001111";
    private static final String SHARED = "+15550002222";
    private static final EntityBareJid ALICE = JidCreate.entityBareFromOrThrowUnchecked("alice@example.com");
    private static final EntityBareJid BOB = JidCreate.entityBareFromOrThrowUnchecked("bob@example.com");

    private final FakeSqs sqs = new FakeSqs();
    private final FakeComponentLink xmpp = new FakeComponentLink();
    private final DeliveredRecipients earlier = DeliveredRecipients.inMemory();
    private final AtomicBoolean mappingsDown = new AtomicBoolean();
    private volatile Duration slowLookup = Duration.ZERO;
    private final Mappings mappings = new Mappings() {
        @Override
        public Optional<Mapping> mappingOf(EntityBareJid user) {
            return Optional.empty();
        }

        @Override
        public List<EntityBareJid> usersOf(PhoneNumber number) {
            if (mappingsDown.get()) {
                throw new IllegalStateException("DynamoDB unreachable");
            }
            try {
                Thread.sleep(slowLookup.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return switch (number.e164()) {
                case ALICE_NUMBER -> List.of(ALICE);
                case SHARED -> List.of(ALICE, BOB);
                default -> List.of();
            };
        }
    };
    private final SentMessages sent = new SentMessages() {
        @Override
        public void remember(SentMessage message) {
        }

        @Override
        public Optional<SentMessage> find(String messageSid) {
            return Optional.of(new SentMessage(messageSid, "alice@example.com/phone", "m1", "+15557654321@sms.example.com", true, "hi"));
        }
    };
    private final PhoneJids jids = new PhoneJids(JidCreate.domainBareFromOrThrowUnchecked("sms.example.com"));
    private final CountingMetrics metrics = new CountingMetrics();
    private final QueueConsumer consumer = new QueueConsumer(
            new QueuePoller(sqs, "queue", Optional.of("dlq"), Clock.fixed(NOW, ZoneOffset.UTC)), ReceiveRhythm.none(), 0, xmpp,
            new SmsDelivery(mappings, MediaStore.PASS_THROUGH, PROVIDERS, new SmsToStanzas(jids)),
            new StatusDelivery(new DeliveryReports(sent, PROVIDERS)), earlier, Duration.ofSeconds(5), Duration.ofHours(1),
            Clock.fixed(NOW, ZoneOffset.UTC), metrics);
    private final EventCodec codec = new EventCodec();

    private String sms(String sid, String to, String body) {
        return codec.encode(new InboundSms("twilio", sid, "+15557654321", to, body, List.of(), NOW));
    }

    private static software.amazon.awssdk.services.sqs.model.Message queued(String id, String body) {
        return FakeSqs.message(id, body, "g-" + id, 1, NOW.toEpochMilli());
    }

    private void poll(software.amazon.awssdk.services.sqs.model.Message... batch) throws Exception {
        sqs.batches.add(List.of(batch));
        assertThat(consumer.ready()).isTrue();
        consumer.pollOnce();
    }

    @Test
    void anSmsTheServerConfirmedIsDeleted() throws Exception {
        poll(queued("q1", sms("SM1", ALICE_NUMBER, "hi")));

        assertThat(xmpp.written()).singleElement().satisfies(s -> assertThat(((Message) s).getBody()).isEqualTo("hi"));
        assertThat(sqs.deleted).containsExactly("rh-q1");
        assertThat(sqs.sent).isEmpty();
    }

    @Test
    void aBatchTheServerDidNotConfirmIsHandedBackWithinASecondNotAfterTheVisibilityTimeout() throws Exception {
        xmpp.failPings();

        poll(queued("q1", sms("SM1", ALICE_NUMBER, "hi")));

        assertThat(sqs.deleted).isEmpty();
        assertThat(sqs.visibility).containsEntry("rh-q1", 1);
    }

    @Test
    void anSmsToANumberNobodyHasGoesToTheDeadLetterQueueAtOnceWithTheReason() throws Exception {
        poll(queued("q1", sms("SM1", "+15559998888", "hi")));

        assertThat(sqs.sent).singleElement().satisfies(dead -> {
            assertThat(dead.queueUrl()).isEqualTo("dlq");
            assertThat(dead.messageAttributes().get(QueuePoller.REJECT_REASON).stringValue())
                    .contains("no user is mapped to …8888");
            assertThat(dead.messageGroupId()).isEqualTo("g-q1");
        });
        assertThat(sqs.deleted).containsExactly("rh-q1");
        assertThat(xmpp.written()).isEmpty();
    }

    @Test
    void eachSettledEventIsCountedByItsOutcome() throws Exception {
        poll(queued("q1", sms("SM1", ALICE_NUMBER, "hi")));
        poll(queued("q2", sms("SM2", "+15559998888", "hi")));
        mappingsDown.set(true);
        poll(queued("q3", sms("SM3", ALICE_NUMBER, "hi")));

        assertThat(metrics.calls()).containsExactly("inboundDelivered", "inboundRejected", "inboundRetried");
    }

    @Test
    void anEventThatCannotBeReadGoesToTheDeadLetterQueueAtOnce() throws Exception {
        poll(queued("q1", "{not json"));

        assertThat(sqs.sent).singleElement().satisfies(dead -> assertThat(
                dead.messageAttributes().get(QueuePoller.REJECT_REASON).stringValue()).contains("cannot be read"));
        assertThat(sqs.deleted).containsExactly("rh-q1");
    }

    @Test
    void aLookupThatFailsIsRetriedAfterADelayAndItsConversationWaitsBehindIt() throws Exception {
        mappingsDown.set(true);
        var first = FakeSqs.message("q1", sms("SM1", ALICE_NUMBER, "one"), "conversation", 1, NOW.toEpochMilli());
        var second = FakeSqs.message("q2", sms("SM2", ALICE_NUMBER, "two"), "conversation", 1, NOW.toEpochMilli());

        poll(first, second);

        assertThat(sqs.deleted).isEmpty();
        assertThat(sqs.sent).isEmpty();
        assertThat(sqs.visibility).containsEntry("rh-q1", 5).containsEntry("rh-q2", 0);
    }

    @Test
    void theRetryDelayGrowsWithEachReceive() throws Exception {
        mappingsDown.set(true);

        poll(FakeSqs.message("q1", sms("SM1", ALICE_NUMBER, "one"), "g", 4, NOW.minusSeconds(60).toEpochMilli()));

        assertThat(sqs.visibility).containsEntry("rh-q1", 40);
    }

    @Test
    void anEventStillFailingAfterTheGiveUpTimeGoesToTheDeadLetterQueueWithItsLastReason() throws Exception {
        mappingsDown.set(true);

        poll(FakeSqs.message("q1", sms("SM1", ALICE_NUMBER, "one"), "g", 9, NOW.minus(Duration.ofMinutes(61)).toEpochMilli()));

        assertThat(sqs.sent).singleElement().satisfies(dead -> assertThat(
                dead.messageAttributes().get(QueuePoller.REJECT_REASON).stringValue())
                .contains("still failing", "mapping lookup failed"));
    }

    @Test
    void onASharedNumberOnlyTheRecipientWhoseServerBouncedGetsItAgain() throws Exception {
        xmpp.onWrite(stanza -> {
            if (stanza.getTo().equals(BOB)) {
                consumer.onBounce(StanzaBuilder.buildMessage(stanza.getStanzaId()).from(BOB).to(stanza.getFrom())
                        .ofType(Message.Type.error).setError(StanzaError.getBuilder(StanzaError.Condition.service_unavailable)
                                .build()).build());
            }
        });

        poll(queued("q1", sms("SM1", SHARED, "to both")));

        assertThat(sqs.deleted).isEmpty();
        assertThat(sqs.visibility).containsEntry("rh-q1", 5);
        assertThat(earlier.of("twilio:SM1")).containsExactly("alice@example.com");

        xmpp.onWrite(stanza -> { });
        xmpp.written().clear();
        poll(FakeSqs.message("q1b", sms("SM1", SHARED, "to both"), "g-q1", 2, NOW.toEpochMilli()));

        assertThat(xmpp.written()).extracting(s -> s.getTo().toString()).containsExactly("bob@example.com");
        assertThat(sqs.deleted).containsExactly("rh-q1b");
    }

    @Test
    void aReceiptTheServerBouncesIsNotTriedAgain() throws Exception {
        String status = codec.encode(new DeliveryStatus("twilio", "SM9", org.smsoverxmpp.events.MessageStatus.DELIVERED, null, null, "+15550001111", "+15557654321", NOW));
        xmpp.onWrite(stanza -> consumer.onBounce(StanzaBuilder.buildMessage(stanza.getStanzaId())
                .from(stanza.getTo()).to(stanza.getFrom()).ofType(Message.Type.error)
                .setError(StanzaError.getBuilder(StanzaError.Condition.service_unavailable).build()).build()));

        poll(queued("q1", status));

        assertThat(xmpp.written()).hasSize(1);
        assertThat(sqs.deleted).containsExactly("rh-q1");
    }

    @Test
    void aRepeatOfAConfirmedEventIsDeletedWithoutWritingAgain() throws Exception {
        poll(queued("q1", sms("SM1", ALICE_NUMBER, "hi")));
        poll(queued("q2", sms("SM1", ALICE_NUMBER, "hi")));

        assertThat(xmpp.written()).hasSize(1);
        assertThat(sqs.deleted).containsExactly("rh-q1", "rh-q2");
    }

    @Test
    void whenTheStreamDropsMidBatchTheRestIsHandedBackAtOnce() throws Exception {
        xmpp.dropAfter(1);

        poll(queued("q1", sms("SM1", ALICE_NUMBER, "one")), queued("q2", sms("SM2", ALICE_NUMBER, "two")),
                queued("q3", sms("SM3", ALICE_NUMBER, "three")));

        assertThat(sqs.deleted).isEmpty();
        assertThat(sqs.visibility).containsEntry("rh-q1", 1).containsEntry("rh-q2", 1).containsEntry("rh-q3", 0);
    }

    @Test
    void aSlowDeliveryKeepsItsBatchInvisibleRatherThanLettingItLapse() throws Exception {
        sqs.visibilityTimeout = 1;
        slowLookup = Duration.ofMillis(1200);

        poll(queued("q1", sms("SM1", ALICE_NUMBER, "slow")), queued("q2", sms("SM2", ALICE_NUMBER, "waits")));

        // Heartbeats every third of the 1 s visibility, each for the whole visibility again.
        assertThat(sqs.visibilityChanges).contains(1).hasSizeGreaterThanOrEqualTo(6);
        assertThat(sqs.deleted).containsExactly("rh-q1", "rh-q2");
    }

    @Test
    void anEventWhoseStanzaCannotBeWrittenSafelyIsRejectedNotRetried() throws Exception {
        // A sender the webhook would refuse reaches the bridge anyway (an old event, a replay).
        String event = codec.encode(new InboundSms("twilio", "SM1", "+1" + "5".repeat(40), ALICE_NUMBER, "hi", List.of(), NOW));

        poll(queued("q1", event));

        assertThat(sqs.sent).singleElement().satisfies(dead -> assertThat(
                dead.messageAttributes().get(QueuePoller.REJECT_REASON).stringValue()).contains("sender address"));
        assertThat(sqs.deleted).containsExactly("rh-q1");
        assertThat(Map.copyOf(sqs.visibility)).isEmpty();
    }
}
