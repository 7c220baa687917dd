package org.smsoverxmpp.webhook.queue;

import org.smsoverxmpp.events.QueueEvent;

/** Where accepted webhooks go. {@link #enqueue} returns only once the event is durably stored. */
public interface EventQueue {
    void enqueue(QueueEvent event) throws QueueUnavailableException;

    class QueueUnavailableException extends Exception {
        public QueueUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
