package org.smsoverxmpp.bridge.provider;

import java.net.URI;
import java.util.Optional;

/**
 * The Authorization header a provider's media URL needs, given only for that provider's own hosts: media URLs
 * arrive in webhooks and redirect to CDNs, and credentials must never follow them anywhere else.
 */
public interface MediaAccess {

    /** @return the header value for {@code url}, or empty when {@code url} is not the provider's to authorize */
    Optional<String> authorization(URI url);

    /** For providers whose media URLs open without credentials, and for a provider this bridge does not know. */
    MediaAccess NONE = url -> Optional.empty();
}
