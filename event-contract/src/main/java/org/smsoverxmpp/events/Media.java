package org.smsoverxmpp.events;

import java.util.Objects;

/** One MMS attachment where the provider hosts it, and its type. */
public record Media(String url, String contentType) {
    public Media {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(contentType, "contentType");
    }
}
