package org.smsoverxmpp.infra;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the bridge reaches the XMPP server across the Internet: direct TLS with the server's name verified,
 * unless cleartext is asked for by name. Validated by {@link GatewaySettings}.
 *
 * @param serverName the name to verify in the server's certificate when it differs from {@code host}
 * @param caSecret   name or complete ARN of an existing Secrets Manager secret holding an extra CA (PEM), for
 *                   a server whose certificate a private CA issued
 */
public record XmppLink(String host, int port, Tls tls, Optional<String> serverName, Optional<String> caSecret) {

    /** {@code XMPP_TLS}'s values, as the bridge reads them. */
    public enum Tls {
        /** TLS from the first byte, hostname verified (the default). */
        DIRECT,
        /** Cleartext: every SMS readable and injectable on the way; only when asked for by name. */
        NONE;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The bridge's plain (non-secret) environment for this link; the CA arrives as an ECS secret. */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("XMPP_HOST", host);
        env.put("XMPP_PORT", Integer.toString(port));
        env.put("XMPP_TLS", tls.value());
        serverName.ifPresent(name -> env.put("XMPP_TLS_SERVER_NAME", name));
        return env;
    }
}
