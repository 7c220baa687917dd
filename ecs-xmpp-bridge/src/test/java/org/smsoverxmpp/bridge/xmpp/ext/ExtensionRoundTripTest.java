package org.smsoverxmpp.bridge.xmpp.ext;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.bridge.xmpp.StanzaCodec;

class ExtensionRoundTripTest {
    static {
        StanzaCodec.install();
    }

    @Test
    void oobParsesFromXml() throws Exception {
        Message message = PacketParserUtils.parseStanza("<message xmlns='jabber:client' from='a@b/c' to='+1555@sms.b'>"
                + "<body>look https://up.example/cat.jpg</body>"
                + "<x xmlns='jabber:x:oob'><url>https://up.example/cat.jpg</url><desc>a cat</desc></x>"
                + "<x xmlns='jabber:x:oob'><url> https://up.example/dog.png </url></x></message>");

        assertThat(OutOfBandData.from(message)).extracting(OutOfBandData::url)
                .containsExactly("https://up.example/cat.jpg", "https://up.example/dog.png");
        assertThat(OutOfBandData.from(message).get(0).description()).isEqualTo("a cat");
    }

    @Test
    void oobSerializesWithItsNamespace() {
        assertThat(new OutOfBandData("https://m.example/a&b.jpg").toXML().toString())
                .isEqualTo("<x xmlns='jabber:x:oob'><url>https://m.example/a&amp;b.jpg</url></x>");
    }

    @Test
    void gatewayQueryRoundTrips() throws Exception {
        GatewayQuery query = new GatewayQuery(null, "(307) 555-1212", null);
        query.setType(IQ.Type.set);
        query.setStanzaId("g1");

        String xml = query.toXML().toString();
        GatewayQuery parsed = (GatewayQuery) PacketParserUtils.parseStanza(xml);

        assertThat(xml).contains("<query xmlns='jabber:iq:gateway'><prompt>(307) 555-1212</prompt></query>");
        assertThat(parsed.prompt()).isEqualTo("(307) 555-1212");
        assertThat(parsed.getType()).isEqualTo(IQ.Type.set);
    }

    @Test
    void originIdRoundTrips() throws Exception {
        assertThat(new OriginId("SM1").toXML().toString()).isEqualTo("<origin-id xmlns='urn:xmpp:sid:0' id='SM1'/>");

        Message message = PacketParserUtils.parseStanza("<message xmlns='jabber:client' from='+1555@sms.b' to='a@b'>"
                + "<body>hi</body><origin-id xmlns='urn:xmpp:sid:0' id='SM0123'/></message>");

        assertThat(OriginId.from(message).id()).isEqualTo("SM0123");
    }
}
