package org.smsoverxmpp.webhook;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.smsoverxmpp.webhook.twilio.TwilioSecret;

/**
 * The Twilio secret's first read, on a thread of its own, so a cold start spends the round trip to Secrets
 * Manager building the rest instead of waiting. The thread ends with the read, before any snapshot is taken.
 */
final class StartupSecret {
    private final FutureTask<TwilioSecret> read;

    private StartupSecret(FutureTask<TwilioSecret> read) {
        this.read = read;
    }

    /** Builds the secret's client with {@code secret} and reads the secret once, in the background. */
    static StartupSecret read(Supplier<TwilioSecret> secret) {
        FutureTask<TwilioSecret> read = new FutureTask<>(() -> {
            TwilioSecret built = secret.get();
            built.current();
            return built;
        });
        Thread thread = new Thread(read, "twilio-secret");
        thread.setDaemon(true);
        thread.start();
        return new StartupSecret(read);
    }

    /** The secret, read; a function that cannot read it must not start. */
    TwilioSecret await() {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the Twilio auth token", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TwilioSecret.UnavailableException unavailable) {
                throw new IllegalStateException("cannot start without the Twilio auth token: " + unavailable.getMessage(),
                        unavailable);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot start without the Twilio auth token", cause);
        }
    }
}
