package org.smsoverxmpp.local;

/** The local run cannot start, for a reason the message tells the user how to fix. */
public class LocalRunException extends RuntimeException {
    public LocalRunException(String message) {
        super(message);
    }
}
