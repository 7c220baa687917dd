package org.smsoverxmpp.webhook;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.smsoverxmpp.webhook.provider.WebhookProvider;
import org.smsoverxmpp.webhook.secrets.CachedSecret;

/**
 * The enabled providers, built and with their secrets read once, on a thread of its own: a cold start spends the
 * round trips to Secrets Manager building the queue's client instead of waiting. The thread ends with the reads,
 * before any snapshot is taken.
 */
final class StartupSecrets {
    private final FutureTask<List<WebhookProvider>> read;

    private StartupSecrets(FutureTask<List<WebhookProvider>> read) {
        this.read = read;
    }

    /** Builds the providers with {@code providers} (their secrets' client too) and reads each secret, in the background. */
    static StartupSecrets read(Supplier<List<WebhookProvider>> providers) {
        FutureTask<List<WebhookProvider>> read = new FutureTask<>(() -> {
            List<WebhookProvider> built = List.copyOf(providers.get());
            for (WebhookProvider provider : built) {
                try {
                    provider.readSecret();
                } catch (CachedSecret.UnavailableException e) {
                    throw new IllegalStateException("cannot start without the " + provider.name() + " webhook secret: "
                            + e.getMessage(), e);
                }
            }
            return built;
        });
        Thread thread = new Thread(read, "webhook-secrets");
        thread.setDaemon(true);
        thread.start();
        return new StartupSecrets(read);
    }

    /** The providers, each secret read; a function that cannot read one must not start. */
    List<WebhookProvider> await() {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the webhook secrets", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot start without the webhook secrets", e.getCause());
        }
    }
}
