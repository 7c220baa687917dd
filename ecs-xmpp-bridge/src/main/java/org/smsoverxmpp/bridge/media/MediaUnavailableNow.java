package org.smsoverxmpp.bridge.media;

/** A transient failure (a 5xx, a timeout, the bucket unreachable): the whole SMS is tried again later. */
public final class MediaUnavailableNow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MediaUnavailableNow(String message, Throwable cause) {
        super(message, cause);
    }
}
