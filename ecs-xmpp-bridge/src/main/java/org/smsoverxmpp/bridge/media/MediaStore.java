package org.smsoverxmpp.bridge.media;

import java.util.List;
import org.smsoverxmpp.events.Media;

/** Where inbound MMS media end up for the user's client to fetch. */
public interface MediaStore {

    /**
     * The media to show: envelope parts dropped, the rest at URLs that open without Twilio credentials, or
     * told unavailable when they can never be fetched.
     *
     * @throws MediaUnavailableNow when a file could not be fetched or stored now (the SMS is then redelivered)
     */
    List<PublishedMedia> publish(String messageSid, List<Media> media);

    /** Without a bucket: Twilio's URLs are passed on as they are (they need Twilio credentials to open). */
    MediaStore PASS_THROUGH = (sid, media) -> media.stream().filter(m -> MediaTypes.isAttachment(m.contentType()))
            .<PublishedMedia>map(PublishedMedia.Available::new).toList();
}
