package org.smsoverxmpp.bridge.admin;

/** A command that could not do what was asked; the message says why, for the operator. */
class AdminException extends RuntimeException {
    AdminException(String message) {
        super(message);
    }
}
