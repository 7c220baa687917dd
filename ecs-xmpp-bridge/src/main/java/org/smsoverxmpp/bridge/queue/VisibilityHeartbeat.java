package org.smsoverxmpp.bridge.queue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a batch in hand invisible to other consumers: every {@code every}, each message is made invisible for
 * {@code visibility} again. Slow work (a download, a slow provider) then costs time, never a second copy or a
 * spent receive. Stopped before the batch is settled, so a late extension cannot undo a retry's delay.
 */
public final class VisibilityHeartbeat {
    private final QueuePoller poller;
    private final Map<ReceivedMessage, Duration> extend = new LinkedHashMap<>();
    private final ScheduledFuture<?> task;
    private boolean stopped;

    public VisibilityHeartbeat(ScheduledExecutorService timers, QueuePoller poller, List<ReceivedMessage> batch,
            Duration visibility, Duration every) {
        this.poller = poller;
        batch.forEach(message -> extend.put(message, visibility));
        task = timers.scheduleAtFixedRate(this::beat, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * How often to renew: a third of the visibility timeout (at least 200 ms), so two renewals can fail before
     * another consumer could see the messages.
     */
    public static Duration interval(Duration visibility) {
        Duration third = visibility.dividedBy(3);
        return third.compareTo(Duration.ofMillis(200)) < 0 ? Duration.ofMillis(200) : third;
    }

    private synchronized void beat() {
        if (!stopped) {
            poller.later(extend);
        }
    }

    public synchronized void stop() {
        stopped = true;
        task.cancel(false);
    }
}
