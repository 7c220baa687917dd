package org.smsoverxmpp.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.events.QueueEvent;
import org.smsoverxmpp.webhook.provider.WebhookProvider;
import org.smsoverxmpp.webhook.twilio.FixedSecret;
import org.smsoverxmpp.webhook.twilio.TwilioSecret;
import org.smsoverxmpp.webhook.twilio.TwilioWebhooks;

class SnapStartPrimingTest {
    static final String ACCOUNT = "AC22222222222222222222222222222222";

    private final FixedSecret secrets = new FixedSecret(ACCOUNT, "token-before-snapshot");
    private final TwilioSecret secret = new TwilioSecret(secrets, "twilio", Duration.ofHours(1), Clock.systemUTC());
    private final List<QueueEvent> enqueued = new ArrayList<>();
    private final List<WebhookProvider> providers = List.of(new TwilioWebhooks(secret, Optional.empty()));
    private final WebhookService service = new WebhookService(providers, enqueued::add, 65536, Clock.systemUTC());
    private final AtomicInteger awsCalls = new AtomicInteger();
    private final SnapStartPriming priming = new SnapStartPriming(providers, awsCalls::incrementAndGet);

    @Test
    void primingRunsSignedRequestsThroughEveryCheckWithoutEnqueuingAndWarmsTheSdk() throws Exception {
        priming.beforeCheckpoint(null);

        assertThat(enqueued).as("nothing reaches the real queue").isEmpty();
        assertThat(awsCalls).hasValue(1);
    }

    @Test
    void restoreRereadsTheSecretSoARotatedTokenIsUsed() throws Exception {
        priming.beforeCheckpoint(null);
        int readsBefore = secrets.reads.get();
        secrets.value = FixedSecret.json(ACCOUNT, "token-after-restore");

        priming.afterRestore(null);

        assertThat(secrets.reads.get()).isEqualTo(readsBefore + 1);
        assertThat(secret.current().authToken()).isEqualTo("token-after-restore");
    }
}
