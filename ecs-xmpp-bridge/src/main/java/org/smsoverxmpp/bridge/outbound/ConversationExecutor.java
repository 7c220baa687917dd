package org.smsoverxmpp.bridge.outbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs sends in parallel across conversations but one at a time within a conversation, so two messages
 * from a user to a number leave in the order they were written.
 */
public final class ConversationExecutor implements AutoCloseable {
    private final List<ExecutorService> lanes = new ArrayList<>();

    public ConversationExecutor(int lanes) {
        for (int i = 0; i < lanes; i++) {
            int lane = i;
            this.lanes.add(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "sms-out-" + lane);
                t.setDaemon(true);
                return t;
            }));
        }
    }

    public void submit(String conversation, Runnable task) {
        lanes.get(Math.floorMod(conversation.hashCode(), lanes.size())).execute(task);
    }

    /** Lets queued sends finish, up to the timeout. @return true if all finished */
    public boolean drain(Duration timeout) throws InterruptedException {
        lanes.forEach(ExecutorService::shutdown);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ExecutorService lane : lanes) {
            if (!lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdownNow);
    }
}
