package org.smsoverxmpp.bridge.xmpp;

import java.time.Duration;

/** Whether the stream is up, for those who must not work while it is down (the queue consumer). */
public final class ConnectionState {
    private boolean connected;
    private boolean wakeUp;
    private long connections;

    synchronized void set(boolean connected) {
        if (connected && !this.connected) {
            connections++;
        }
        this.connected = connected;
        notifyAll();
    }

    /** How many streams have been authenticated since start: one more than the number of reconnects. */
    public synchronized long connections() {
        return connections;
    }

    public synchronized boolean isConnected() {
        return connected;
    }

    /** @return true if connected within the timeout */
    public synchronized boolean awaitConnected(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!connected) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Sleeps for the backoff, but returns early when the connection is being closed. */
    synchronized void awaitClosing(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!wakeUp) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized void wakeUp() {
        wakeUp = true;
        notifyAll();
    }
}
