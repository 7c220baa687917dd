package org.smsoverxmpp.webhook;

import java.time.Duration;

/**
 * How long one webhook request may take, and how that time is shared by the remote calls on its path.
 * Every AWS timeout of the function is derived here, from this one setting, and nowhere else.
 *
 * <p>Twilio waits at most 15 s for an answer and, under its default policy, does not retry a request that
 * timed out; the function's own timeout is 15 s too. A 503 is retried (README's {@code #rc=5&rp=ct,rt,5xx}),
 * so each call must give up well before then: a queue that accepts connections but never answers must
 * cost a 503 within a few seconds, never a timeout. A request reads Secrets Manager at most once (a cache
 * refresh or a rotation re-check) and then sends to SQS once; the two run one after the other, so their
 * call timeouts together make the budget.
 */
public record WebhookBudget(Duration total) {
    public static final Duration DEFAULT = Duration.ofSeconds(5);
    /** Below this, a cold TLS connection to SQS would not fit one attempt. */
    public static final Duration MIN = Duration.ofSeconds(1);
    /** Above this, Twilio and the function's 15 s timeout would leave no time to answer. */
    public static final Duration MAX = Duration.ofSeconds(14);
    /** SQS sends are on every request's path; a throttle or a dropped connection is usually gone on retry. */
    static final int QUEUE_ATTEMPTS = 3;
    /** Secrets Manager is read rarely: one retry. */
    static final int SECRETS_ATTEMPTS = 2;

    public WebhookBudget {
        if (total.compareTo(MIN) < 0 || total.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("webhook budget must be between " + MIN.toMillis() + " and "
                    + MAX.toMillis() + " ms");
        }
    }

    /** Two fifths for the rare Secrets Manager read, the rest for the SQS send. */
    public Duration secretsCall() {
        return total.multipliedBy(2).dividedBy(5);
    }

    public Duration secretsAttempt() {
        return secretsCall().dividedBy(SECRETS_ATTEMPTS);
    }

    public Duration queueCall() {
        return total.minus(secretsCall());
    }

    public Duration queueAttempt() {
        return queueCall().dividedBy(QUEUE_ATTEMPTS);
    }
}
