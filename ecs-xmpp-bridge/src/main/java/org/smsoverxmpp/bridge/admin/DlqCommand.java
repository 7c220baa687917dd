package org.smsoverxmpp.bridge.admin;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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
        subcommands = {DlqCommand.ListAll.class, DlqCommand.Drop.class, DlqCommand.Replay.class})
final class DlqCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Which dead-letter queue: the events' (the default) or the outbox's. */
    static class Which {
        @Mixin
        AwsOptions aws;

        @Option(names = "--outbox", description = "the outbox's dead-letter queue (outbound messages) instead of the events'")
        boolean outbox;

        @Spec
        CommandSpec spec;

        String url(SqsClient sqs) {
            return outbox ? DeadLetterQueue.outboxUrl(sqs, aws) : DeadLetterQueue.url(sqs, aws);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = {
            "Show each dead-lettered message and why it is there, without taking it out (look before a replay).",
            "Example: dlq list      dlq list --outbox"})
    static final class ListAll extends Which implements Callable<Integer> {
        @Option(names = "--max", defaultValue = "100", description = "show at most this many (default: ${DEFAULT-VALUE})")
        int max;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (SqsClient sqs = aws.sqs()) {
                List<DeadLetters.DeadLetter> seen = new DeadLetters(sqs, url(sqs)).look(max);
                out.printf("%d dead-lettered message(s)%s%n", seen.size(), seen.size() == max ? " (the first " + max + ")" : "");
                for (DeadLetters.DeadLetter d : seen) {
                    out.printf("%s  sent %s  conversation %s%n    %s%n", d.id(), d.sentAt(), d.group(),
                            d.why() + d.rejectedAt().map(at -> " (rejected " + at + ")").orElse(""));
                }
            }
            return 0;
        }
    }

    @Command(name = "drop", mixinStandardHelpOptions = true, description = {
            "Delete one dead-lettered message for good, by the id 'dlq list' shows (one that can never be delivered).",
            "Example: dlq drop 5b0c2c55-0d3c-4a5e-9f0e-6f0e5d3f1a2b"})
    static final class Drop extends Which implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "the message id, as 'dlq list' shows it")
        String id;

        @Option(names = "--max", defaultValue = "1000", description = "look through at most this many (default: ${DEFAULT-VALUE})")
        int max;

        @Override
        public Integer call() {
            try (SqsClient sqs = aws.sqs()) {
                if (!new DeadLetters(sqs, url(sqs)).drop(id, max)) {
                    throw new AdminException("no dead-lettered message has the id " + id + " ('dlq list' shows them)");
                }
            }
            spec.commandLine().getOut().println("dropped " + id);
            return 0;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true, description = {
            "Move dead-lettered events back to the queue (after fixing the cause, e.g. a missing mapping; 'dlq list' shows why",
            "each is there).",
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
