package org.smsoverxmpp.events;

import java.util.Objects;

/** One MMS attachment as Twilio hosts it (MediaUrlN / MediaContentTypeN). */
public record Media(String url, String contentType) {
    public Media {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(contentType, "contentType");
    }
}
