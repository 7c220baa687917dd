package org.smsoverxmpp.bridge.provider.twilio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.smsoverxmpp.bridge.provider.MediaAccess;

/**
 * Twilio's media URLs need the account's credentials, and then redirect to a CDN. Credentials go only to the API's
 * own host, on the same scheme, never to wherever a URL or a redirect points.
 */
record TwilioMediaAccess(TwilioCredentials credentials, URI api) implements MediaAccess {

    @Override
    public Optional<String> authorization(URI url) {
        boolean ours = String.valueOf(url.getScheme()).equalsIgnoreCase(api.getScheme())
                && String.valueOf(url.getRawAuthority()).equalsIgnoreCase(api.getRawAuthority());
        if (!ours) {
            return Optional.empty();
        }
        String basic = credentials.username() + ":" + credentials.password();
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return "TwilioMediaAccess[" + api + "]";
    }
}
