package org.smsoverxmpp.bridge.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.UnparsedIQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.xml.SmackXmlParser;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.junit.jupiter.api.Test;

/** Nothing the server sends is dropped silently: what Smack cannot model is kept or told apart. */
class StanzaReaderTest {

    /** Reads {@code stanza} and then a following ping, to prove the parser is left at the next stanza. */
    private static StanzaReader.Read read(String stanza) throws Exception {
        StanzaCodec.install();
        XmlPullParser parser = SmackXmlParser.newXmlParser(new StringReader(
                "<stream:stream xmlns='jabber:component:accept' xmlns:stream='http://etherx.jabber.org/streams' id='x'>"
                        + stanza + "<iq type='get' id='next' from='example.com' to='sms.example.com'>"
                        + "<ping xmlns='urn:xmpp:ping'/></iq>"));
        while (parser.next() != XmlPullParser.Event.START_ELEMENT) {
            // to the stream header
        }
        XmlEnvironment environment = XmlEnvironment.from(parser);
        while (parser.next() != XmlPullParser.Event.START_ELEMENT) {
            // to the stanza
        }
        StanzaReader.Read read = StanzaReader.read(parser, environment);
        while (parser.next() != XmlPullParser.Event.START_ELEMENT) {
            // to the next stanza
        }
        StanzaReader.Read next = StanzaReader.read(parser, environment);
        assertThat(next).isInstanceOfSatisfying(StanzaReader.Read.Parsed.class,
                parsed -> assertThat(parsed.stanza().getStanzaId()).isEqualTo("next"));
        return read;
    }

    private static Message message(StanzaReader.Read read) {
        assertThat(read).isInstanceOf(StanzaReader.Read.Parsed.class);
        return (Message) ((StanzaReader.Read.Parsed) read).stanza();
    }

    private static UnreadableStanza unreadable(StanzaReader.Read read) {
        assertThat(read).isInstanceOf(StanzaReader.Read.Unreadable.class);
        return ((StanzaReader.Read.Unreadable) read).stanza();
    }

    @Test
    void anEmptyDataFormDoesNotCostTheMessageItsBody() throws Exception {
        Message message = message(read("<message from='alice@example.com/a' to='+15551234567@sms.example.com' "
                + "type='chat' id='m1'><body>still an SMS</body><x xmlns='jabber:x:data'/></message>"));

        assertThat(message.getBody()).isEqualTo("still an SMS");
        assertThat(message.hasExtension("x", "jabber:x:data")).isTrue();
    }

    @Test
    void anEmptyPubsubEventIsKeptAsAnUnknownElement() throws Exception {
        Message message = message(read("<message from='alice@example.com/a' to='+15551234567@sms.example.com' id='m2'>"
                + "<event xmlns='http://jabber.org/protocol/pubsub#event'><items/></event><body>text</body></message>"));

        assertThat(message.getBody()).isEqualTo("text");
        assertThat(message.hasExtension("event", "http://jabber.org/protocol/pubsub#event")).isTrue();
    }

    @Test
    void aRequestSmackCannotModelIsAnUnreadableRequestWithItsSenderAndId() throws Exception {
        UnreadableStanza request = unreadable(read("<iq type='get' id='c1' from='alice@example.com/a' "
                + "to='sms.example.com'><query xmlns='http://jabber.org/protocol/disco#info'><identity/></query></iq>"));

        assertThat(request.isRequest()).isTrue();
        assertThat(request.id()).isEqualTo("c1");
        assertThat(request.fromJid()).hasValueSatisfying(jid -> assertThat(jid.toString()).isEqualTo("alice@example.com/a"));
    }

    @Test
    void anIqInAnUnknownNamespaceIsReadAsUnparsed() throws Exception {
        StanzaReader.Read read = read("<iq type='get' id='u1' from='alice@example.com/a' to='sms.example.com'>"
                + "<query xmlns='urn:example:unknown'><deep><er/></deep></query></iq>");

        assertThat(read).isInstanceOfSatisfying(StanzaReader.Read.Parsed.class,
                parsed -> assertThat(parsed.stanza()).isInstanceOf(UnparsedIQ.class));
    }

    @Test
    void aMessageOfAnUnknownTypeIsUnreadableWithItsSender() throws Exception {
        UnreadableStanza message = unreadable(read("<message type='bogus' id='b1' from='alice@example.com/a' "
                + "to='+15551234567@sms.example.com'><body>x</body></message>"));

        assertThat(message.element()).isEqualTo("message");
        assertThat(message.type()).isEqualTo("bogus");
        assertThat(message.isRequest()).isFalse();
    }

    @Test
    void aHostileBodyArrivesAsItWasEscaped() throws Exception {
        Message message = message(read("<message from='alice@example.com/a' to='+15551234567@sms.example.com' "
                + "type='chat' id='h1'><body>x ]]&gt; &lt;!-- &amp;amp; y</body></message>"));

        assertThat(message.getBody()).isEqualTo("x ]]> <!-- &amp; y");
    }
}
