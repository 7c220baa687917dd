package org.smsoverxmpp.bridge.xmpp;

/** What became of a stanza handed to the component connection. */
public sealed interface StreamWrite {
    /** Queued on the live stream (the server has not necessarily read it yet). */
    record Queued() implements StreamWrite {
    }

    /** There is no stream, or no longer the one asked for: nothing was written, the caller keeps the work. */
    record NotConnected() implements StreamWrite {
    }

    /** Writing it would have broken the stream, so it was not written; always a bug on our side. */
    record Refused(String reason) implements StreamWrite {
    }

    StreamWrite QUEUED = new Queued();
    StreamWrite NOT_CONNECTED = new NotConnected();

    default boolean isQueued() {
        return this instanceof Queued;
    }
}
