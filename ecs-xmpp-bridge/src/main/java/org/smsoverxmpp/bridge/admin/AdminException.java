package org.smsoverxmpp.bridge.admin;

/** A command that could not do what was asked; the message says why, for the operator. */
public class AdminException extends RuntimeException {
    public AdminException(String message) {
        super(message);
    }
}
