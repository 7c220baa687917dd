package org.smsoverxmpp.bridge.media;

import org.smsoverxmpp.events.Media;

/** What became of one attachment of an inbound MMS. */
public sealed interface PublishedMedia {

    /** At a URL the user's client can open. */
    record Available(Media media) implements PublishedMedia {
    }

    /**
     * Gone for good (the provider answered 404, the file is far too large): the message is delivered without
     * it, saying so, rather than retried until it lands in the dead-letter queue with its text.
     */
    record Unavailable(String contentType, String reason) implements PublishedMedia {
    }
}
