package org.smsoverxmpp.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.smsoverxmpp.webhook.WebhookHandler;
import org.smsoverxmpp.webhook.WebhookService;
import org.smsoverxmpp.webhook.twilio.TwilioSecret;
import org.smsoverxmpp.webhook.twilio.TwilioWebhooks;

/**
 * Row 3: CPU per warm webhook request through the real handler (adapt the event, form, signature,
 * account, parsing, event encoding), excluding the network call to SQS (the queue is a no-op here).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WebhookWarmBenchmark {
    WebhookHandler handler;
    APIGatewayProxyRequestEvent event;

    @Setup
    public void setUp() {
        TwilioSecret secret = new TwilioSecret(new StaticSecrets(), "bench", Duration.ofHours(1), Clock.systemUTC());
        WebhookService service = new WebhookService(List.of(new TwilioWebhooks(secret, Optional.empty())), queued -> { },
                65536, Clock.systemUTC());
        handler = new WebhookHandler(service, Optional.empty());
        event = SignedWebhooks.sms(StaticSecrets.ACCOUNT, StaticSecrets.TOKEN, String.format("SM%032d", 1),
                "Hi 👋 see you at the café at 5, bring the tickets please");
    }

    @Benchmark
    public APIGatewayProxyResponseEvent handleSignedSms() {
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("benchmark request refused: " + response.getBody());
        }
        return response;
    }
}
