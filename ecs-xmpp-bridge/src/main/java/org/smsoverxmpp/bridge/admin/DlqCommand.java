package org.smsoverxmpp.bridge.admin;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.core.exception.SdkException;
import java.util.Map;
import org.smsoverxmpp.bridge.queue.QueuePoller;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** The dead-letter queue: what the bridge could not deliver. */
@Command(name = "dlq", mixinStandardHelpOptions = true, description = "Work with the dead-letter queue.",
        subcommands = DlqCommand.Replay.class)
final class DlqCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "replay", mixinStandardHelpOptions = true, description = {
            "Move dead-lettered events back to the queue (after fixing the cause, e.g. a missing mapping).",
            "Each is sent before it is deleted, so a failure midway loses nothing.",
            "Example: dlq replay --queue-url https://sqs.../sms-over-xmpp-events.fifo"})
    static final class Replay implements Callable<Integer> {
        @Mixin
        AwsOptions aws;

        @Option(names = "--max", defaultValue = "1000", description = "move at most this many (default: ${DEFAULT-VALUE})")
        int max;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            int moved = 0;
            int failed = 0;
            try (SqsClient sqs = aws.sqs()) {
                String queue = aws.queueUrl(sqs);
                String deadLetters = DeadLetterQueue.url(sqs, aws);
                while (moved + failed < max) {
                    int wanted = Math.min(10, max - moved - failed);
                    List<Message> batch = sqs.receiveMessage(r -> r.queueUrl(deadLetters)
                            .maxNumberOfMessages(wanted).waitTimeSeconds(1)
                            .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID)).messages();
                    if (batch.isEmpty()) {
                        break;
                    }
                    for (Message message : batch) {
                        if (replay(sqs, message, queue, deadLetters)) {
                            moved++;
                        } else {
                            failed++;
                        }
                    }
                }
            }
            out.printf("moved %d event(s) back to the queue%s%n", moved, failed == 0 ? "" : "; " + failed + " failed and stay");
            return failed == 0 ? 0 : 1;
        }

        private boolean replay(SqsClient sqs, Message message, String queue, String deadLetters) {
            String group = message.attributes().getOrDefault(MessageSystemAttributeName.MESSAGE_GROUP_ID, "replay");
            try {
                // A new deduplication id: the original may still be inside the queue's 5-minute window. Marked
                // as replayed, so the bridge checks which recipients already have it.
                sqs.sendMessage(r -> r.queueUrl(queue).messageBody(message.body()).messageGroupId(group)
                        .messageDeduplicationId("replay-" + message.messageId())
                        .messageAttributes(Map.of(QueuePoller.REPLAYED, MessageAttributeValue.builder()
                                .dataType("String").stringValue("true").build())));
                sqs.deleteMessage(r -> r.queueUrl(deadLetters).receiptHandle(message.receiptHandle()));
                return true;
            } catch (SdkException e) {
                spec.commandLine().getErr().println("could not move " + message.messageId() + ": " + e.getMessage());
                return false;
            }
        }
    }
}
