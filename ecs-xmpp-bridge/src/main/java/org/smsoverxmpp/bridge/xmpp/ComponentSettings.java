package org.smsoverxmpp.bridge.xmpp;

import java.time.Duration;
import org.jxmpp.jid.DomainBareJid;

/**
 * How to reach the XMPP server as an XEP-0114 component.
 *
 * @param transport     verified direct TLS, or cleartext (to a loopback host only)
 * @param serverDomain  the server's own domain, which answers our liveness and acknowledgement pings
 * @param authRetry     the least time between attempts after the server rejected our secret or its certificate
 *                      failed verification
 */
public record ComponentSettings(
        String host,
        int port,
        Transport transport,
        DomainBareJid componentDomain,
        String secret,
        DomainBareJid serverDomain,
        Duration keepalive,
        Duration pingInterval,
        Duration pingTimeout,
        Duration authRetry) {

    /** @throws IllegalArgumentException for cleartext to a host that is not loopback */
    public ComponentSettings {
        if (transport instanceof Transport.Cleartext && !Transport.Cleartext.allowedTo(host)) {
            throw new IllegalArgumentException("cleartext to " + host + ", which is not a loopback address");
        }
    }

    @Override
    public String toString() {
        return "ComponentSettings[" + componentDomain + " via " + host + ":" + port + ", " + transport + "]";
    }
}
