package org.smsoverxmpp.bridge.xmpp;

/**
 * A handle on one authenticated component stream. Work that must all go over the same stream (a batch of
 * inbound SMS and the ping that acknowledges it) holds one; writes to a stream that has since gone are refused
 * rather than sent over its successor.
 */
public final class XmppStream {
    private final long number;

    XmppStream(long number) {
        this.number = number;
    }

    @Override
    public String toString() {
        return "stream " + number;
    }
}
