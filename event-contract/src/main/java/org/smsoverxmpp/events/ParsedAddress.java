package org.smsoverxmpp.events;

/**
 * What {@link SmsAddress#parse} makes of a text: one of the three kinds of {@link SmsAddress}, or
 * {@link Invalid} with the reason it is none of them.
 */
public sealed interface ParsedAddress permits SmsAddress, ParsedAddress.Invalid {

    /**
     * Not an address an SMS can come from or go to. The reason says what is wrong without quoting the
     * text, so it can be logged and answered to a caller as it is.
     */
    record Invalid(String reason) implements ParsedAddress {
    }
}
