package org.smsoverxmpp.events;

/** A queue message that is not an event this version understands. It is never guessed at. */
public class MalformedEventException extends Exception {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
