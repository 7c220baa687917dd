package org.smsoverxmpp.bridge.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    @Test
    void capsVersionMatchesTheXep0115SimpleExample() {
        // XEP-0115 §5.2: Exodus 0.9.1 with four features hashes to QgayPKawpkPSDYmwT/WM94uAlu0=.
        assertThat(Discovery.capsVersion("client", "pc", "Exodus 0.9.1", List.of("http://jabber.org/protocol/caps",
                "http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/disco#items",
                "http://jabber.org/protocol/muc"))).isEqualTo("QgayPKawpkPSDYmwT/WM94uAlu0=");
    }

    @Test
    void gatewayAndPhonesAdvertiseWhatTheConventionsList() {
        assertThat(Discovery.Entity.GATEWAY.features()).contains("http://jabber.org/protocol/disco#info",
                "jabber:iq:gateway", "urn:xmpp:receipts", "urn:xmpp:ping", "vcard-temp");
        assertThat(Discovery.Entity.PHONE.features()).contains("urn:xmpp:receipts", "urn:xmpp:ping");
        assertThat(Discovery.caps(Discovery.Entity.GATEWAY).getVer()).isNotEqualTo(Discovery.caps(Discovery.Entity.PHONE).getVer());
    }
}
