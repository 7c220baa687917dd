package org.smsoverxmpp.bridge.outbound;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.Message;
import org.smsoverxmpp.bridge.xmpp.ext.OutOfBandData;

/**
 * A message's XEP-0066 attachments as MMS media, and its caption: clients put the URL in the body too
 * (XEP-0363 uploads), so a body that ends with an attached URL has it stripped.
 */
public record Attachments(String caption, List<URI> media) {

    public static Attachments of(Message message) {
        String caption = message.getBody() == null ? "" : message.getBody().trim();
        List<URI> media = new ArrayList<>();
        for (OutOfBandData oob : OutOfBandData.from(message)) {
            URI url;
            try {
                url = URI.create(oob.url());
            } catch (IllegalArgumentException e) {
                continue; // not a URL a provider could fetch
            }
            if (url.getScheme() == null || !url.getScheme().startsWith("http")) {
                continue;
            }
            media.add(url);
            if (caption.endsWith(oob.url())) {
                caption = caption.substring(0, caption.length() - oob.url().length()).trim();
            }
        }
        return new Attachments(caption, List.copyOf(media));
    }

    public boolean isEmpty() {
        return caption.isEmpty() && media.isEmpty();
    }
}
