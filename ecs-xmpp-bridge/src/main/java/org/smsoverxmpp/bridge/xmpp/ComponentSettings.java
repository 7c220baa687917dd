package org.smsoverxmpp.bridge.xmpp;

import java.time.Duration;
import org.jxmpp.jid.DomainBareJid;

/**
 * How to reach the XMPP server as an XEP-0114 component.
 *
 * @param serverDomain  the server's own domain, which answers our liveness and acknowledgement pings
 * @param directTls     TLS from the first byte (ejabberd's tls option, stunnel), not STARTTLS
 * @param authRetry     the least time between attempts after the server rejected our secret
 */
public record ComponentSettings(
        String host,
        int port,
        boolean directTls,
        DomainBareJid componentDomain,
        String secret,
        DomainBareJid serverDomain,
        Duration keepalive,
        Duration pingInterval,
        Duration pingTimeout,
        Duration authRetry) {

    @Override
    public String toString() {
        return "ComponentSettings[" + componentDomain + " via " + host + ":" + port + (directTls ? " (TLS)" : "") + "]";
    }
}
