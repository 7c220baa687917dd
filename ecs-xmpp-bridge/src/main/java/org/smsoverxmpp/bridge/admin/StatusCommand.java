package org.smsoverxmpp.bridge.admin;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.smsoverxmpp.bridge.mapping.DynamoMappingStore;
import org.smsoverxmpp.bridge.status.BridgeState;
import org.smsoverxmpp.bridge.status.StateItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** One look at the gateway's health: what the bridge published, where it runs, the queues, the dead letters. */
@Command(name = "status", mixinStandardHelpOptions = true, description = {
        "Show the bridge's published state (stream, health, last failure, the last hour's traffic), the ECS service,",
        "both queues (depth, oldest message), why dead-lettered messages are there, and the number of mappings.",
        "Example: status --cluster sms-over-xmpp --service bridge"})
final class StatusCommand implements Callable<Integer> {
    /** A published state older than this is shown as stale: the bridge writes it every minute. */
    private static final Duration STALE = Duration.ofMinutes(3);
    /** How many dead letters are read for their reasons. */
    private static final int REASONS_READ = 50;

    @Mixin
    AwsOptions aws;

    @Option(names = "--cluster", defaultValue = "${env:ECS_CLUSTER:-sms-over-xmpp}",
            description = "ECS cluster (default: ECS_CLUSTER or the stack's ${DEFAULT-VALUE})")
    String cluster;

    @Option(names = "--service", defaultValue = "${env:ECS_SERVICE:-bridge}",
            description = "ECS service (default: ECS_SERVICE or the stack's ${DEFAULT-VALUE})")
    String service;

    @Spec
    CommandSpec spec;

    /** Where the bridge runs when it is not ECS (the local run), said instead of asking ECS. */
    private final Optional<String> runsOutsideEcs;

    StatusCommand() {
        this(Optional.empty());
    }

    StatusCommand(Optional<String> runsOutsideEcs) {
        this.runsOutsideEcs = runsOutsideEcs;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (DynamoDbClient dynamo = aws.dynamo()) {
            bridge(out, dynamo);
            service(out);
            try (SqsClient sqs = aws.sqs()) {
                queues(out, sqs);
                deadLetters(out, "dead letters", new DeadLetters(sqs, DeadLetterQueue.url(sqs, aws)), "dlq replay");
                deadLetters(out, "outbox dead", new DeadLetters(sqs, DeadLetterQueue.outboxUrl(sqs, aws)), "dlq list --outbox");
            }
            out.printf("mappings         %d%n", new DynamoMappingStore(dynamo, aws.table, aws.numberIndex).count());
        }
        return 0;
    }

    private void bridge(PrintWriter out, DynamoDbClient dynamo) {
        Optional<BridgeState> published;
        try {
            published = StateItem.read(dynamo, aws.sentTable);
        } catch (SdkException e) {
            out.printf("bridge           state not readable from %s (%s)%n", aws.sentTable, e.getMessage());
            return;
        }
        if (published.isEmpty()) {
            out.printf("bridge           no state published in %s yet (the bridge writes it every minute when SENT_TABLE is set)%n",
                    aws.sentTable);
            return;
        }
        BridgeState state = published.get();
        Duration age = Duration.between(state.at(), Instant.now());
        out.printf("bridge           %s   (as of %s, %s)%s%n", state.connected()
                        ? "connected since " + state.lastConnected().map(Instant::toString).orElse("?")
                        : "NOT connected" + state.disconnectedSince().map(t -> " since " + t).orElse(""),
                ago(age), state.runsOn(), age.compareTo(STALE) > 0
                        ? "\n                 STALE: nothing published for " + ago(age) + "; the bridge is stopped or cannot reach DynamoDB"
                        : "");
        out.printf("health           %s: %s%n", state.health().healthy() ? "healthy" : "UNHEALTHY", state.health().reason());
        state.lastFailure().ifPresent(f -> out.printf("last failure     %s: %s%n", f.at(), f.text()));
        BridgeState.Traffic hour = state.lastHour();
        out.printf("last hour        in: %d delivered, %d retried, %d rejected   out: %d sent, %d refused%n",
                hour.inboundDelivered(), hour.inboundRetried(), hour.inboundRejected(), hour.outboundSent(),
                hour.outboundRefused());
    }

    private void service(PrintWriter out) {
        if (runsOutsideEcs.isPresent()) {
            out.printf("bridge runs in   %s%n", runsOutsideEcs.get());
            return;
        }
        try (var ecs = aws.ecs()) {
            var services = ecs.describeServices(r -> r.cluster(cluster).services(service)).services();
            if (services.isEmpty()) {
                out.printf("bridge service   none named %s in cluster %s%n", service, cluster);
            } else {
                Service s = services.get(0);
                out.printf("bridge service   %s: %d desired, %d running, %d pending%n", s.serviceName(),
                        s.desiredCount(), s.runningCount(), s.pendingCount());
            }
        } catch (EcsException e) {
            out.printf("bridge service   cluster %s not found (%s)%n", cluster, e.awsErrorDetails().errorCode());
        }
    }

    private void queues(PrintWriter out, SqsClient sqs) {
        Map<String, String> queues = new LinkedHashMap<>();
        queues.put("events queue", aws.queueUrl(sqs));
        queues.put("outbox", aws.outboxUrl(sqs));
        Map<String, Optional<Duration>> oldest = new OldestMessages(aws).of(List.copyOf(queues.values()));
        queues.forEach((label, url) -> out.printf("%-16s %d waiting, %d in flight, oldest %s%n", label,
                depth(sqs, url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                depth(sqs, url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
                oldest.get(url).map(StatusCommand::ago).map(a -> a.replace(" ago", "")).orElse("unknown (no CloudWatch data here)")));
    }

    private static void deadLetters(PrintWriter out, String label, DeadLetters queue, String next) {
        List<DeadLetters.DeadLetter> seen = queue.look(REASONS_READ);
        out.printf("%-16s %d%s%n", label, seen.size(), seen.isEmpty() ? "" : seen.size() == REASONS_READ
                ? " or more   (" + next + ")" : "   (" + next + ")");
        Map<String, Integer> reasons = new LinkedHashMap<>();
        seen.forEach(d -> reasons.merge(d.why(), 1, Integer::sum));
        reasons.forEach((reason, count) -> out.printf("                 %d × %s%n", count, reason));
    }

    private static long depth(SqsClient sqs, String url, QueueAttributeName attribute) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(attribute))
                .attributes();
        return Long.parseLong(attributes.getOrDefault(attribute, "0"));
    }

    static String ago(Duration age) {
        if (age.toMinutes() < 2) {
            return Math.max(0, age.toSeconds()) + " s ago";
        }
        if (age.toHours() < 2) {
            return age.toMinutes() + " min ago";
        }
        return age.toHours() + " h ago";
    }
}
