package org.smsoverxmpp.bridge.xmpp;

import java.io.IOException;

/** The server refused the component: wrong secret, unknown component domain, or one already connected. */
public class HandshakeRejectedException extends IOException {
    public HandshakeRejectedException(String message) {
        super(message);
    }
}
