package org.smsoverxmpp.bridge.provider;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.smsoverxmpp.bridge.address.PhoneNumber;

/**
 * One message to hand a provider: from the user's number, to an E.164 number or a short code, with text (which
 * may be empty when there are media) and media URLs the provider fetches itself.
 */
public record SmsRequest(PhoneNumber from, String to, String text, List<URI> media) {
    public SmsRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        media = List.copyOf(media);
    }
}
