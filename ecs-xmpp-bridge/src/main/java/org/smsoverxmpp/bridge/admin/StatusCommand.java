package org.smsoverxmpp.bridge.admin;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.smsoverxmpp.bridge.mapping.DynamoMappingStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** One look at the gateway's health. */
@Command(name = "status", mixinStandardHelpOptions = true, description = {
        "Show the bridge service's tasks, queue and dead-letter depth, and the number of mappings.",
        "Example: status --cluster sms-over-xmpp --service bridge --queue-url https://sqs.../sms-over-xmpp-events.fifo"})
final class StatusCommand implements Callable<Integer> {
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (var ecs = aws.ecs()) {
            var services = ecs.describeServices(r -> r.cluster(cluster).services(service)).services();
            if (services.isEmpty()) {
                out.printf("bridge service   none named %s in cluster %s (a local run has none)%n", service, cluster);
            } else {
                Service s = services.get(0);
                out.printf("bridge service   %s: %d desired, %d running, %d pending%n", s.serviceName(),
                        s.desiredCount(), s.runningCount(), s.pendingCount());
            }
        } catch (EcsException e) {
            out.printf("bridge service   cluster %s not found (%s)%n", cluster, e.awsErrorDetails().errorCode());
        }
        try (SqsClient sqs = aws.sqs()) {
            String queue = aws.queueUrl(sqs);
            out.printf("queue            %d waiting, %d in flight%n", depth(sqs, queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
                    depth(sqs, queue, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
            long deadLetters = depth(sqs, DeadLetterQueue.url(sqs, aws), QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
            out.printf("dead letters     %d%s%n", deadLetters, deadLetters > 0 ? "   (inspect, fix, then: dlq replay)" : "");
        }
        out.printf("mappings         %d%n", new DynamoMappingStore(aws.dynamo(), aws.table, aws.numberIndex).count());
        out.println("bridge stream    not published yet (the CloudWatch metric comes with the alarms)");
        return 0;
    }

    private static long depth(SqsClient sqs, String url, QueueAttributeName attribute) {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(attribute))
                .attributes();
        return Long.parseLong(attributes.getOrDefault(attribute, "0"));
    }
}
