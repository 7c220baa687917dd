package org.smsoverxmpp.local;

import java.net.URI;
import java.net.URLConnection;

/** The content type Twilio would report for a media URL, guessed from its file extension. */
final class MediaTypes {
    private MediaTypes() {
    }

    static String guess(String url) {
        String path = URI.create(url).getPath();
        String type = path == null ? null : URLConnection.guessContentTypeFromName(path);
        return type == null ? "application/octet-stream" : type;
    }
}
