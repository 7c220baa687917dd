package org.smsoverxmpp.bridge.media;

import java.util.List;
import org.smsoverxmpp.bridge.provider.MediaAccess;
import org.smsoverxmpp.events.Media;

/** Where inbound MMS media end up for the user's client to fetch. */
public interface MediaStore {

    /**
     * The media to show: envelope parts dropped, the rest at URLs that open without the provider's credentials,
     * or told unavailable when they can never be fetched. {@code access} authorizes the provider's own URLs.
     *
     * @throws MediaUnavailableNow when a file could not be fetched or stored now (the SMS is then redelivered)
     */
    List<PublishedMedia> publish(String messageId, List<Media> media, MediaAccess access);

    /** Without a bucket: the provider's URLs are passed on as they are (some need its credentials to open). */
    MediaStore PASS_THROUGH = (id, media, access) -> media.stream().filter(m -> MediaTypes.isAttachment(m.contentType()))
            .<PublishedMedia>map(PublishedMedia.Available::new).toList();
}
