package org.smsoverxmpp.bridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.bridge.queue.FakeSqs;
import org.smsoverxmpp.bridge.xmpp.FakeComponentLink;

/** Messages read from the stream are stored before anything is sent; none is dropped, none waits unbounded. */
class SqsOutboxTest {
    private final FakeSqs sqs = new FakeSqs();
    private final FakeComponentLink xmpp = new FakeComponentLink();
    private final Replies replies = new Replies(xmpp, Duration.ofMillis(200));

    private static OutboundMessage message(int i, String sender) {
        return new OutboundMessage("ob-" + i, sender + "/phone", "m" + i, "+15557654321@sms.example.com", "+15557654321",
                "hi " + i, "hi " + i, List.of(), false, Instant.EPOCH);
    }

    @Test
    void acceptedMessagesAreStoredTenAtATimeEachInItsConversationAndOnlyOnce() {
        SqsOutbox outbox = new SqsOutbox(sqs, "outbox", replies, 1000, 1);
        for (int i = 0; i < 35; i++) {
            assertThat(outbox.accept(message(i, i % 2 == 0 ? "alice@example.com" : "bob@example.com")))
                    .isInstanceOf(Outbox.Acceptance.Accepted.class);
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> sqs.batchSent.size() == 35);
        outbox.close(Duration.ofSeconds(1));

        assertThat(sqs.batchSizes).allMatch(size -> size <= 10);
        assertThat(sqs.batchSent).extracting(e -> e.messageDeduplicationId()).doesNotHaveDuplicates();
        assertThat(sqs.batchSent.stream().map(e -> e.messageGroupId()).distinct()).hasSize(2);
        assertThat(xmpp.written()).isEmpty();
    }

    @Test
    void aFullBufferRefusesRatherThanGrows() {
        sqs.refuseSends = true;
        SqsOutbox outbox = new SqsOutbox(sqs, "outbox", replies, 3, 1, Duration.ofSeconds(5));

        List<Outbox.Acceptance> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(outbox.accept(message(i, "alice@example.com")));
        }

        assertThat(answers).anyMatch(a -> a instanceof Outbox.Acceptance.Busy);
        outbox.close(Duration.ofMillis(100));
    }

    @Test
    void aMessageTheQueueWillNotTakeIsAnsweredWithAnErrorCopy() {
        sqs.refuseSends = true;
        SqsOutbox outbox = new SqsOutbox(sqs, "outbox", replies, 100, 1, Duration.ofMillis(300));

        outbox.accept(message(1, "alice@example.com"));

        await().atMost(Duration.ofSeconds(5)).until(() -> !xmpp.written().isEmpty());
        Message copy = (Message) xmpp.written().get(0);
        assertThat(copy.getStanzaId()).isEqualTo("m1");
        assertThat(copy.getBody()).isEqualTo("hi 1");
        assertThat(copy.getError().getDescriptiveText()).contains("not sent");
        outbox.close(Duration.ofMillis(100));
    }

    @Test
    void afterStopAcceptingMessagesAreRefusedAsRestartingAndWhatWaitedIsStored() {
        SqsOutbox outbox = new SqsOutbox(sqs, "outbox", replies, 100, 1);
        outbox.accept(message(1, "alice@example.com"));

        outbox.stopAccepting();
        assertThat(outbox.accept(message(2, "alice@example.com"))).isInstanceOf(Outbox.Acceptance.Closed.class);
        outbox.close(Duration.ofSeconds(2));

        assertThat(sqs.batchSent).extracting(e -> e.messageDeduplicationId()).containsExactly("ob-1");
    }
}
