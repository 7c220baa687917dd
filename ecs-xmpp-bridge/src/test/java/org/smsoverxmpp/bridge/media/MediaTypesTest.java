package org.smsoverxmpp.bridge.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.events.Media;

class MediaTypesTest {

    @Test
    void extensionFollowsTheContentType() {
        assertThat(MediaTypes.extension("image/jpeg")).isEqualTo(".jpg");
        assertThat(MediaTypes.extension("video/3gpp; codecs=x")).isEqualTo(".3gp");
        assertThat(MediaTypes.extension("application/x-unknown")).isEqualTo(".bin");
    }

    @Test
    void envelopePartsAreNotAttachments() {
        List<PublishedMedia> shown = MediaStore.PASS_THROUGH.publish("MM1", List.of(new Media("https://t/1", "application/smil"),
                new Media("https://t/2", "text/plain"), new Media("https://t/3", "image/png"),
                new Media("https://t/4", "application/xml")), org.smsoverxmpp.bridge.provider.MediaAccess.NONE);

        assertThat(shown).extracting(m -> ((PublishedMedia.Available) m).media().url()).containsExactly("https://t/3");
    }
}
