package org.smsoverxmpp.bridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.smsoverxmpp.bridge.metrics.GatewayMetrics;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.mapping.Mapping;
import org.smsoverxmpp.bridge.provider.Providers;
import org.smsoverxmpp.bridge.provider.RecordingProvider;
import org.smsoverxmpp.bridge.mapping.Mappings;
import org.smsoverxmpp.bridge.queue.FakeSqs;
import org.smsoverxmpp.bridge.queue.QueuePoller;
import org.smsoverxmpp.bridge.queue.ReceiveRhythm;
import org.smsoverxmpp.bridge.receipts.SentMessages;
import org.smsoverxmpp.bridge.xmpp.FakeComponentLink;

/** The outbox consumer settles each message by its outcome, and a conversation that must wait waits whole. */
class OutboxConsumerTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final FakeSqs sqs = new FakeSqs();
    private final FakeComponentLink xmpp = new FakeComponentLink();
    private final SmsSendingTest.RecordedAttempts attempts = new SmsSendingTest.RecordedAttempts();
    private final RecordingProvider twilio = new RecordingProvider("twilio");
    private final Mappings mappings = new Mappings() {
        @Override
        public Optional<Mapping> mappingOf(EntityBareJid user) {
            return Optional.of(new Mapping(user, new PhoneNumber("+15550001111")));
        }

        @Override
        public List<EntityBareJid> usersOf(PhoneNumber number) {
            return List.of();
        }
    };
    private final OutboxConsumer consumer = new OutboxConsumer(
            new QueuePoller(sqs, "outbox", Optional.of("outbox-dlq"), Clock.fixed(NOW, ZoneOffset.UTC)), ReceiveRhythm.none(), 0,
            new SmsSending(mappings, new Providers(List.of(twilio), "twilio"), SentMessages.NONE, attempts, new Replies(xmpp, Duration.ofMillis(100)),
                    Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC), GatewayMetrics.NONE), 4);
    private final OutboundMessageCodec codec = new OutboundMessageCodec();

    private software.amazon.awssdk.services.sqs.model.Message queued(String id, String conversation, String text) {
        OutboundMessage message = new OutboundMessage(id, "alice@example.com/phone", "m-" + id,
                "+15557654321@sms.example.com", "+15557654321", text, text, List.of(), false, NOW);
        return FakeSqs.message("q-" + id, codec.encode(message), conversation, 1, NOW.toEpochMilli());
    }

    private void poll(software.amazon.awssdk.services.sqs.model.Message... batch) throws Exception {
        sqs.batches.add(List.of(batch));
        assertThat(consumer.ready()).isTrue();
        consumer.pollOnce();
        assertThat(consumer.awaitSettled(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void eachConversationLeavesInOrderAndEverySentMessageIsDeleted() throws Exception {
        poll(queued("1", "a", "a1"), queued("2", "b", "b1"), queued("3", "a", "a2"), queued("4", "b", "b2"));

        assertThat(twilio.sent.stream().filter(s -> s.endsWith("a1") || s.endsWith("a2")).toList())
                .containsExactly("+15550001111>+15557654321:a1", "+15550001111>+15557654321:a2");
        assertThat(twilio.sent.stream().filter(s -> s.contains(":b")).toList())
                .containsExactly("+15550001111>+15557654321:b1", "+15550001111>+15557654321:b2");
        assertThat(sqs.deleted).containsExactlyInAnyOrder("rh-q-1", "rh-q-2", "rh-q-3", "rh-q-4");
    }

    @Test
    void aMessageThatMustWaitHoldsTheRestOfItsConversationButNotTheOthers() throws Exception {
        attempts.down = true;

        poll(queued("1", "a", "a1"), queued("2", "a", "a2"));

        assertThat(twilio.sent).isEmpty();
        assertThat(sqs.deleted).isEmpty();
        assertThat(sqs.visibility).containsEntry("rh-q-1", 5).containsEntry("rh-q-2", 0);
    }

    @Test
    void anOutboxMessageThatCannotBeReadIsLeftForTheRedriveNeverDeletedOrSent() throws Exception {
        poll(FakeSqs.message("q-x", "{\"v\":99}", "a", 1, NOW.toEpochMilli()));

        assertThat(sqs.deleted).isEmpty();
        assertThat(sqs.visibility).containsEntry("rh-q-x", 30);
        assertThat(twilio.sent).isEmpty();
    }

    @Test
    void afterStopNothingNewIsReceivedOrBegun() throws Exception {
        consumer.stop();

        poll(queued("1", "a", "a1"));

        assertThat(twilio.sent).isEmpty();
        assertThat(sqs.deleted).isEmpty();
        assertThat(sqs.batches).hasSize(1); // still in the outbox, for the next start
    }

    /** A slow provider must not hold the next batch back: the second is received while the first is being sent. */
    @Test
    void theNextBatchIsReceivedWhileTheFirstIsStillBeingSent() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        RecordingProvider slow = new RecordingProvider("twilio") {
            @Override
            public org.smsoverxmpp.bridge.provider.SendResult send(org.smsoverxmpp.bridge.provider.SmsRequest request) {
                if (request.text().equals("first")) {
                    try {
                        release.await(5, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.send(request);
            }
        };
        OutboxConsumer pipelined = new OutboxConsumer(
                new QueuePoller(sqs, "outbox", Optional.of("outbox-dlq"), Clock.fixed(NOW, ZoneOffset.UTC)), ReceiveRhythm.none(), 0,
                new SmsSending(mappings, new Providers(List.of(slow), "twilio"), SentMessages.NONE, attempts,
                        new Replies(xmpp, Duration.ofMillis(100)), Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC),
                        GatewayMetrics.NONE), 4);
        sqs.batches.add(List.of(queued("1", "a", "first")));
        sqs.batches.add(List.of(queued("2", "b", "second")));
        assertThat(pipelined.ready()).isTrue();

        pipelined.pollOnce();
        pipelined.pollOnce();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> sqs.deleted.contains("rh-q-2"));

        assertThat(slow.sent).containsExactly("+15550001111>+15557654321:second");
        release.countDown();
        assertThat(pipelined.awaitSettled(Duration.ofSeconds(5))).isTrue();
        assertThat(sqs.deleted).containsExactlyInAnyOrder("rh-q-1", "rh-q-2");
        pipelined.close();
    }

    /** A stop while a batch is being sent: the message being sent finishes, the rest goes back untouched. */
    @Test
    void aStopMidBatchFinishesTheMessageBeingSentAndHandsBackTheRest() throws Exception {
        java.util.concurrent.CountDownLatch sending = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        RecordingProvider slow = new RecordingProvider("twilio") {
            @Override
            public org.smsoverxmpp.bridge.provider.SendResult send(org.smsoverxmpp.bridge.provider.SmsRequest request) {
                sending.countDown();
                try {
                    release.await(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.send(request);
            }
        };
        OutboxConsumer stopping = new OutboxConsumer(
                new QueuePoller(sqs, "outbox", Optional.of("outbox-dlq"), Clock.fixed(NOW, ZoneOffset.UTC)), ReceiveRhythm.none(), 0,
                new SmsSending(mappings, new Providers(List.of(slow), "twilio"), SentMessages.NONE, attempts,
                        new Replies(xmpp, Duration.ofMillis(100)), Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC),
                        GatewayMetrics.NONE), 4);
        sqs.batches.add(List.of(queued("1", "a", "a1"), queued("2", "a", "a2")));
        assertThat(stopping.ready()).isTrue();
        stopping.pollOnce();
        assertThat(sending.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        stopping.stop();
        release.countDown();

        assertThat(stopping.awaitSettled(Duration.ofSeconds(5))).isTrue();
        assertThat(slow.sent).containsExactly("+15550001111>+15557654321:a1");
        assertThat(sqs.deleted).containsExactly("rh-q-1");
        assertThat(sqs.visibility).containsEntry("rh-q-2", 0);
        stopping.close();
    }
}
