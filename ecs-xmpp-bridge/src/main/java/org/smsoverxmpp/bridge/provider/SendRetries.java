package org.smsoverxmpp.bridge.provider;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retry rule every provider sends by: try again, after each of {@code delays}, only while the answer is
 * {@link SendResult.Unavailable}, because only then did the request surely not reach the provider. A lost answer
 * or a refusal is never retried, so no SMS is sent twice.
 */
public final class SendRetries {
    private static final Logger LOG = LoggerFactory.getLogger(SendRetries.class);

    /** One try at sending, by a provider's own client. */
    public interface Attempt {
        SendResult once();
    }

    private final String provider;
    private final List<Duration> delays;

    public SendRetries(String provider, List<Duration> delays) {
        this.provider = provider;
        this.delays = List.copyOf(delays);
    }

    public SendResult send(Attempt attempt) throws InterruptedException {
        for (int tried = 0; ; tried++) {
            SendResult result = attempt.once();
            if (!(result instanceof SendResult.Unavailable) || tried >= delays.size()) {
                return result;
            }
            LOG.info("{} {}, retry {} of {}", provider, result.summary(), tried + 1, delays.size());
            Thread.sleep(delays.get(tried).toMillis());
        }
    }
}
