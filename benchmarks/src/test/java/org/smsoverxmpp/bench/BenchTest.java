package org.smsoverxmpp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    void warmWebhookBenchmarkAnswersItsRequest() {
        WebhookWarmBenchmark benchmark = new WebhookWarmBenchmark();
        benchmark.setUp();

        assertThat(benchmark.handleSignedSms().getStatusCode()).isEqualTo(200);
    }
}
