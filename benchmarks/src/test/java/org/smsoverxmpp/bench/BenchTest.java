package org.smsoverxmpp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keeps the benchmarks compiling and runnable: one tiny iteration of each, no timing assertions. */
class BenchTest {

    @Test
    void everyMeasurementRunsOnce() throws Exception {
        List<String> rows = new Bench(Path.of("..").toAbsolutePath().normalize(), Files.createTempDirectory("bench"),
                1, Duration.ofSeconds(1), 200).run();

        assertThat(rows).anyMatch(r -> r.startsWith("| 1 |")).anyMatch(r -> r.startsWith("| 4 |"))
                .anyMatch(r -> r.startsWith("| 8 |")).anyMatch(r -> r.startsWith("| 9 |"))
                .anyMatch(r -> r.startsWith("| 10 |"));
    }

    @Test
    void everyLoadRowRunsBriefly() throws Exception {
        Map<String, String> options = new LinkedHashMap<>(LoadBench.DEFAULTS);
        options.putAll(Map.of("runs", "1", "seconds", "1", "warmup", "1", "settle", "1", "rate", "20", "root", ".."));

        List<String> rows = LoadBench.run(options);

        // Each row ran end to end: SMS reached the client (5, 7) and WireMock (6), with no error replies.
        assertThat(rows).anyMatch(r -> r.startsWith("| 5 |") && r.contains("error replies 0"))
                .anyMatch(r -> r.startsWith("| 6 |") && r.contains("error replies 0"))
                .anyMatch(r -> r.startsWith("| 7 |") && r.contains("0 refused"))
                .anyMatch(r -> r.startsWith("| 8 |"))
                .anyMatch(r -> r.startsWith("| 12 |") && r.contains("ms of CPU per SMS") && r.contains("webhook"))
                .anyMatch(r -> r.startsWith("| 13 |") && r.contains("ms of CPU per SMS"))
                .anyMatch(r -> r.startsWith("| 14 |") && r.contains("error replies 0"))
                .anyMatch(r -> r.startsWith("| 15 |") && r.contains("% of a core"))
                .noneMatch(r -> r.contains("(0 in"));
    }

    @Test
    void warmWebhookBenchmarkAnswersItsRequest() {
        WebhookWarmBenchmark benchmark = new WebhookWarmBenchmark();
        benchmark.setUp();

        assertThat(benchmark.handleSignedSms().getStatusCode()).isEqualTo(200);
    }
}
