package org.smsoverxmpp.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** The bridge stops cleanly, keeps outbound messages in a durable outbox, and parks rejected events at once. */
class ReliabilityTest {
    static Synth synth;
    static String outbox;
    static String outboxDeadLetters;
    static String eventDeadLetters;

    @BeforeAll
    static void synthesize() {
        synth = Synth.of(Map.of());
        outbox = queue("sms-over-xmpp-outbox.fifo");
        outboxDeadLetters = queue("sms-over-xmpp-outbox-dlq.fifo");
        eventDeadLetters = queue("sms-over-xmpp-events-dlq.fifo");
    }

    static String queue(String name) {
        return synth.resources("AWS::SQS::Queue").entrySet().stream()
                .filter(e -> name.equals(Synth.properties(e.getValue()).get("QueueName")))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no queue " + name));
    }

    @Test
    void bridgeGetsFargatesLongestStopTimeoutAndIsToldIt() {
        assertThat(synth.container()).containsEntry("StopTimeout", 120);
        assertThat(synth.bridgeEnvironment()).containsEntry("STOP_TIMEOUT_SECONDS", "120");
    }

    @Test
    void outboxIsAnEncryptedTlsOnlyFifoQueueWithItsOwnDeadLetters() {
        synth.template.hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of(
                "QueueName", "sms-over-xmpp-outbox.fifo", "FifoQueue", true, "ContentBasedDeduplication", false,
                "SqsManagedSseEnabled", true, "VisibilityTimeout", 60, "MessageRetentionPeriod", 86400,
                "RedrivePolicy", Map.of("deadLetterTargetArn", Map.of("Fn::GetAtt", List.of(outboxDeadLetters, "Arn")),
                        "maxReceiveCount", 5))));
        synth.template.hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of(
                "QueueName", "sms-over-xmpp-outbox-dlq.fifo", "FifoQueue", true, "SqsManagedSseEnabled", true,
                "MessageRetentionPeriod", 1209600)));
        for (String queue : List.of(outbox, outboxDeadLetters)) {
            synth.template.hasResourceProperties("AWS::SQS::QueuePolicy", Match.objectLike(Map.of(
                    "Queues", List.of(Map.of("Ref", queue)),
                    "PolicyDocument", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                            "Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))))));
        }
    }

    @Test
    void onlyTheBridgeUsesTheOutboxAndOnlyToSendReceiveDeleteDelayAndReadItsTimeout() {
        assertThat(synth.bridgeEnvironment().get("OUTBOX_QUEUE_URL")).isEqualTo(Map.of("Ref", outbox));
        List<Map<?, ?>> statements = synth.statementsOf(synth.taskRole()).stream()
                .filter(s -> Synth.refersTo(s.get("Resource"), outbox)).toList();
        assertThat(statements).singleElement().satisfies(s -> assertThat(Synth.actions(s)).containsExactlyInAnyOrder(
                "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
                "sqs:GetQueueAttributes"));
        for (String role : List.of(synth.lambdaRole(), synth.executionRole())) {
            assertThat(synth.statementsOf(role)).noneMatch(s -> Synth.refersTo(s, outbox) || Synth.refersTo(s, outboxDeadLetters));
        }
        assertThat(synth.statementsOf(synth.taskRole())).noneMatch(s -> Synth.refersTo(s, outboxDeadLetters));
    }

    @Test
    void bridgeMayOnlySendToTheEventsDeadLetterQueue() {
        assertThat(synth.bridgeEnvironment().get("DEAD_LETTER_QUEUE_URL")).isEqualTo(Map.of("Ref", eventDeadLetters));
        List<Map<?, ?>> statements = synth.statementsOf(synth.taskRole()).stream()
                .filter(s -> Synth.refersTo(s.get("Resource"), eventDeadLetters)).toList();
        assertThat(statements).singleElement().satisfies(s -> assertThat(Synth.actions(s)).containsExactly("sqs:SendMessage"));
    }

    @Test
    void anythingInTheOutboxDeadLettersRaisesAnAlarm() {
        synth.template.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of(
                "MetricName", "ApproximateNumberOfMessagesVisible", "Namespace", "AWS/SQS",
                "Dimensions", List.of(Map.of("Name", "QueueName", "Value", Map.of("Fn::GetAtt", List.of(outboxDeadLetters, "QueueName")))),
                "Threshold", 1, "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                "AlarmActions", List.of(Map.of("Ref", synth.only("AWS::SNS::Topic"))))));
    }
}
