package org.smsoverxmpp.bridge.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.SmackXmlParser;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

class StanzaCodecTest {

    /** Parses the first stanza inside a component stream, as the session does. */
    private static Stanza parseInComponentStream(String stanza) throws Exception {
        StanzaCodec.install();
        XmlPullParser parser = SmackXmlParser.newXmlParser(new StringReader(
                "<stream:stream xmlns='jabber:component:accept' xmlns:stream='http://etherx.jabber.org/streams' id='x'>"
                        + stanza));
        while (parser.next() != XmlPullParser.Event.START_ELEMENT) {
            // to the stream header
        }
        XmlEnvironment environment = XmlEnvironment.from(parser);
        while (parser.next() != XmlPullParser.Event.START_ELEMENT) {
            // to the stanza
        }
        return PacketParserUtils.parseStanza(parser, environment);
    }

    @Test
    void bodyInTheComponentNamespaceIsReadable() throws Exception {
        Message message = (Message) parseInComponentStream("<message from='alice@example.com/phone' "
                + "to='+15551234567@sms.example.com' type='chat' id='m1'><body>hi 👋</body>"
                + "<request xmlns='urn:xmpp:receipts'/></message>");

        assertThat(message.getBody()).isEqualTo("hi 👋");
        assertThat(DeliveryReceiptRequest.from(message)).isNotNull();
        assertThat(message.getFrom().toString()).isEqualTo("alice@example.com/phone");
    }

    @Test
    void stanzasInheritTheStreamNamespaceAndKeepTheirExtensionsNamespaces() {
        Message message = StanzaBuilder.buildMessage("m1").from(JidCreate.fromOrThrowUnchecked("+15551234567@sms.example.com"))
                .to(JidCreate.fromOrThrowUnchecked("alice@example.com")).ofType(Message.Type.chat).setBody("a < b")
                .addExtension(new DeliveryReceiptRequest()).build();

        String xml = StanzaCodec.toXml(message);

        assertThat(xml).startsWith("<message ").doesNotContain("jabber:client")
                .contains("<body>a &lt; b</body>", "<request xmlns='urn:xmpp:receipts'/>");
    }

    @Test
    void aStanzaWithoutFromIsRefused() {
        Message message = StanzaBuilder.buildMessage().to(JidCreate.fromOrThrowUnchecked("alice@example.com")).build();

        assertThatThrownBy(() -> StanzaCodec.toXml(message)).hasMessageContaining("from");
    }
}
