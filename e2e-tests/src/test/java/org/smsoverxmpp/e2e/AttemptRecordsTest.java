package org.smsoverxmpp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.bridge.outbound.Attempts;
import org.smsoverxmpp.bridge.outbound.ErrorReply;
import org.smsoverxmpp.bridge.receipts.DynamoSentMessages;
import org.smsoverxmpp.bridge.receipts.SentMessage;
import org.smsoverxmpp.e2e.harness.EmulatedAws;
import org.smsoverxmpp.local.LocalAws;

/**
 * The outbound attempt records in the sent-messages table of the AWS emulator: the first attempt wins, and an
 * outbox message that comes back is answered from what its attempt came to, whether that was written with the
 * record of its last SMS (in a batch) or as a refusal of its own.
 */
class AttemptRecordsTest {
    static EmulatedAws emulated;
    static LocalAws aws;
    static Attempts attempts;
    static DynamoSentMessages records;

    @BeforeAll
    static void start() {
        emulated = EmulatedAws.start();
        aws = emulated.aws;
        attempts = Attempts.inTable(aws.dynamo, aws.sentTable, Duration.ofDays(7), Clock.systemUTC());
        records = new DynamoSentMessages(aws.dynamo, aws.sentTable, Duration.ofDays(7), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        emulated.close();
    }

    private static SentMessage record(String sid, String completes) {
        return new SentMessage(sid, "alice@example.com/phone", "s-" + sid, "+15557654321@sms.example.com", true, "hi",
                completes);
    }

    @Test
    void aMessageWhoseLastSmsWasRecordedComesBackAsSent() {
        assertThat(attempts.begin("ob-sent", 1)).isInstanceOf(Attempts.Attempt.First.class);
        assertThat(records.rememberAll(List.of(record("SM-first-part", null), record("SM-last-part", "ob-sent")))).isEmpty();

        assertThat(attempts.begin("ob-sent", 2)).isEqualTo(new Attempts.Attempt.Again(Optional.empty(), true));
        assertThat(records.find("SM-last-part")).map(SentMessage::stanzaId).contains("s-SM-last-part");
    }

    @Test
    void aMessageWithOnlyAnEarlierPartRecordedMayOrMayNotHaveBeenSent() {
        assertThat(attempts.begin("ob-cut", 1)).isInstanceOf(Attempts.Attempt.First.class);
        records.rememberAll(List.of(record("SM-part-one", null)));

        assertThat(attempts.begin("ob-cut", 2)).isEqualTo(new Attempts.Attempt.Again(Optional.empty(), false));
    }

    @Test
    void aRefusalComesBackAsTheSameAnswer() {
        ErrorReply reply = ErrorReply.tooLate(Duration.ofHours(30));
        assertThat(attempts.begin("ob-refused", 1)).isInstanceOf(Attempts.Attempt.First.class);
        attempts.refused("ob-refused", reply);

        assertThat(attempts.begin("ob-refused", 2)).isEqualTo(new Attempts.Attempt.Again(Optional.of(reply), false));
    }

    @Test
    void aFullBatchOfLastPartsFitsOneBatchWriteItem() {
        List<SentMessage> batch = new ArrayList<>();
        for (int i = 0; i < DynamoSentMessages.MAX_BATCH; i++) {
            attempts.begin("ob-batch-" + i, 1);
            batch.add(record("SM-batch-" + i, "ob-batch-" + i));
        }

        assertThat(records.rememberAll(batch)).isEmpty();
        for (int i = 0; i < DynamoSentMessages.MAX_BATCH; i++) {
            assertThat(attempts.begin("ob-batch-" + i, 2)).isEqualTo(new Attempts.Attempt.Again(Optional.empty(), true));
        }
    }

    @Test
    void aRecordOfAnyTextKeepsItsBodyAndStillRecordsItsAttempt() {
        // What a stranger may write: astral and combining characters, right-to-left, controls, markup, a NUL.
        String hostile = "\uD83D\uDE00 e\u0301 \u05E9\u05DC\u05D5\u05DD \u0000\u0007 ]]> <x xmlns='urn:unknown'/> &amp; "
                + "\uFFFD\uFEFF\u2028 " + "\uD834\uDD1E".repeat(200);
        attempts.begin("ob-hostile", 1);
        SentMessage record = new SentMessage("SM-hostile", "alice@example.com/phone", "s-hostile",
                "+15557654321@sms.example.com", true, hostile, "ob-hostile");

        assertThat(records.rememberAll(List.of(record))).isEmpty();
        assertThat(records.find("SM-hostile")).map(SentMessage::body).contains(hostile);
        assertThat(attempts.begin("ob-hostile", 2)).isEqualTo(new Attempts.Attempt.Again(Optional.empty(), true));
    }
}
