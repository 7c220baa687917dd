package org.smsoverxmpp.bridge.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/**
 * The age of each queue's oldest message, which SQS publishes only as a CloudWatch metric (a queue's attributes have
 * no such thing): one GetMetricData call for all of them, the latest minute of the last ten. An emulator has no such
 * data; then the age is unknown, never guessed.
 */
final class OldestMessages {
    private final AwsOptions aws;

    OldestMessages(AwsOptions aws) {
        this.aws = aws;
    }

    Map<String, Optional<Duration>> of(List<String> queueUrls) {
        Map<String, Optional<Duration>> ages = new HashMap<>();
        queueUrls.forEach(url -> ages.put(url, Optional.empty()));
        Instant now = Instant.now();
        List<MetricDataQuery> queries = new java.util.ArrayList<>();
        for (int i = 0; i < queueUrls.size(); i++) {
            String name = queueUrls.get(i).substring(queueUrls.get(i).lastIndexOf('/') + 1);
            queries.add(MetricDataQuery.builder().id("q" + i).metricStat(s -> s.stat("Maximum").period(60)
                    .metric(m -> m.namespace("AWS/SQS").metricName("ApproximateAgeOfOldestMessage")
                            .dimensions(Dimension.builder().name("QueueName").value(name).build()))).build());
        }
        try (CloudWatchClient cloudWatch = aws.cloudWatch()) {
            for (MetricDataResult result : cloudWatch.getMetricData(r -> r.startTime(now.minus(Duration.ofMinutes(10)))
                    .endTime(now).metricDataQueries(queries)).metricDataResults()) {
                if (!result.values().isEmpty()) {
                    // Newest first, as GetMetricData returns them by default.
                    ages.put(queueUrls.get(Integer.parseInt(result.id().substring(1))),
                            Optional.of(Duration.ofSeconds(result.values().get(0).longValue())));
                }
            }
        } catch (SdkException e) {
            // No CloudWatch to ask (an emulator without it, no permission): the age stays unknown.
        }
        return ages;
    }
}
