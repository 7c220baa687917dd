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
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.provider.ProviderResources;
import org.smsoverxmpp.webhook.provider.WebhookProvider;
import org.smsoverxmpp.webhook.provider.WebhookRoute;
import org.smsoverxmpp.webhook.secrets.CachedSecret;
import org.smsoverxmpp.webhook.telnyx.TelnyxRequestSigner;
import org.smsoverxmpp.webhook.telnyx.TelnyxWebhooks;
import org.smsoverxmpp.webhook.twilio.FixedSecret;
import org.smsoverxmpp.webhook.twilio.TwilioSecret;
import org.smsoverxmpp.webhook.twilio.TwilioWebhooks;

class SnapStartPrimingTest {
    static final String ACCOUNT = "AC22222222222222222222222222222222";

    private final FixedSecret twilioSecrets = new FixedSecret(ACCOUNT, "token-before-snapshot");
    private final TwilioSecret twilio = new TwilioSecret(twilioSecrets, "twilio", Duration.ofHours(1), Clock.systemUTC());
    private final FixedSecret telnyxSecrets = new FixedSecret(ACCOUNT, "unused");
    private final Recording twilioProvider = new Recording(new TwilioWebhooks(twilio, Optional.empty()));
    private final Recording telnyxProvider;
    private final AtomicInteger awsCalls = new AtomicInteger();
    private final SnapStartPriming priming;

    SnapStartPrimingTest() {
        telnyxSecrets.value = "{\"publicKey\":\"" + TelnyxRequestSigner.portalForm(TelnyxRequestSigner.newKeyPair()
                .getPublic()) + "\"}";
        telnyxProvider = new Recording(TelnyxWebhooks.SETUP.create().apply(new ProviderResources(telnyxSecrets, "telnyx",
                Duration.ofHours(1), Optional.empty(), Clock.systemUTC())));
        priming = new SnapStartPriming(List.of(twilioProvider, telnyxProvider), awsCalls::incrementAndGet);
    }

    @Test
    void primingRunsEachEnabledProvidersChecksAndWarmsTheSdkOnce() throws Exception {
        priming.beforeCheckpoint(null);

        assertThat(twilioProvider.primed).hasSize(SnapStartPriming.PRIMING_REQUESTS)
                .allSatisfy(event -> assertThat(event.provider()).isEqualTo("twilio"));
        assertThat(telnyxProvider.primed).hasSize(SnapStartPriming.PRIMING_REQUESTS)
                .allSatisfy(event -> assertThat(event.provider()).isEqualTo("telnyx"));
        assertThat(awsCalls).hasValue(1);
    }

    @Test
    void restoreRereadsEverySecretSoARotatedKeyIsUsed() throws Exception {
        priming.beforeCheckpoint(null);
        int twilioReads = twilioSecrets.reads.get();
        int telnyxReads = telnyxSecrets.reads.get();
        twilioSecrets.value = FixedSecret.json(ACCOUNT, "token-after-restore");

        priming.afterRestore(null);

        assertThat(twilioSecrets.reads.get()).isEqualTo(twilioReads + 1);
        assertThat(telnyxSecrets.reads.get()).isEqualTo(telnyxReads + 1);
        assertThat(twilio.current().authToken()).isEqualTo("token-after-restore");
    }

    /** A provider as it is, keeping what it primed. */
    static final class Recording implements WebhookProvider {
        private final WebhookProvider provider;
        final List<QueueEvent> primed = new ArrayList<>();

        Recording(WebhookProvider provider) {
            this.provider = provider;
        }

        @Override
        public String name() {
            return provider.name();
        }

        @Override
        public List<WebhookRoute> routes() {
            return provider.routes();
        }

        @Override
        public void readSecret() throws CachedSecret.UnavailableException {
            provider.readSecret();
        }

        @Override
        public List<QueueEvent> prime(int count) throws WebhookRejection, CachedSecret.UnavailableException {
            List<QueueEvent> events = provider.prime(count);
            primed.addAll(events);
            return events;
        }
    }
}
