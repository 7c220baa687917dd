package org.smsoverxmpp.bridge.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.UnparsedIQ;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.SmackXmlParser;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

class StanzaCodecTest {
    private static final String PHONE = "+15551234567@sms.example.com";

    /** Parses the first stanza inside a component stream, as the session does. */
    static Stanza parseInComponentStream(String stanza) throws Exception {
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

    private static Message chat(String body) {
        return StanzaBuilder.buildMessage("m1").from(JidCreate.fromOrThrowUnchecked(PHONE))
                .to(JidCreate.fromOrThrowUnchecked("alice@example.com")).ofType(Message.Type.chat).setBody(body).build();
    }

    private static String xml(Stanza stanza) {
        StanzaCodec.Encoding encoding = StanzaCodec.encode(stanza);
        assertThat(encoding).isInstanceOf(StanzaCodec.Encoding.Xml.class);
        return ((StanzaCodec.Encoding.Xml) encoding).xml();
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
        Message message = StanzaBuilder.buildMessage("m1").from(JidCreate.fromOrThrowUnchecked(PHONE))
                .to(JidCreate.fromOrThrowUnchecked("alice@example.com")).ofType(Message.Type.chat).setBody("a < b")
                .addExtension(new DeliveryReceiptRequest()).build();

        assertThat(xml(message)).startsWith("<message ").doesNotContain("jabber:client")
                .contains("<body>a &lt; b</body>", "<request xmlns='urn:xmpp:receipts'/>");
    }

    @Test
    void aBodyHoldingTheCdataEndIsWrittenWellFormedAndReadBackUnchanged() throws Exception {
        String xml = xml(chat("x ]]> y"));

        assertThat(StrictXmlCheck.problemWith(xml)).isEmpty();
        assertThat(((Message) parseInComponentStream(xml)).getBody()).isEqualTo("x ]]> y");
    }

    @Test
    void aBodyWithCharactersXmlForbidsArrivesWithReplacementCharacters() throws Exception {
        String xml = xml(chat("nul\u0000 bell\u0007 ffff\uFFFF lone\uD800 ok"));

        assertThat(((Message) parseInComponentStream(xml)).getBody()).isEqualTo("nul\uFFFD bell\uFFFD ffff\uFFFD lone\uFFFD ok");
    }

    @Test
    void anErrorToAnUnparsedIqDoesNotEchoItsPayload() {
        UnparsedIQ request = new UnparsedIQ("query", "urn:example:unknown", "<query xmlns='urn:example:unknown'><x/></query>");
        request.setType(IQ.Type.get);
        request.setStanzaId("q1");
        request.setFrom(JidCreate.fromOrThrowUnchecked("alice@example.com/phone"));
        request.setTo(JidCreate.fromOrThrowUnchecked("sms.example.com"));

        String xml = xml(IqErrors.to(request, StanzaError.Condition.service_unavailable, StanzaError.Type.CANCEL, null));

        assertThat(xml).doesNotContain("urn:example:unknown").contains("service-unavailable", "id='q1'", "type='error'");
    }

    @Test
    void smacksOwnErrorResponseToAnUnparsedIqWouldBreakTheStreamAndIsRefused() {
        UnparsedIQ request = new UnparsedIQ("query", "urn:example:unknown", "<query xmlns='urn:example:unknown'/>");
        request.setType(IQ.Type.get);
        request.setStanzaId("q1");
        request.setFrom(JidCreate.fromOrThrowUnchecked("alice@example.com/phone"));
        request.setTo(JidCreate.fromOrThrowUnchecked("sms.example.com"));

        // This is what the gateway used to send: an unclosed start tag with the request escaped into it.
        assertThat(StanzaCodec.encode(IQ.createErrorResponse(request, StanzaError.Condition.feature_not_implemented)))
                .isInstanceOf(StanzaCodec.Encoding.Refused.class);
    }

    @Test
    void aStanzaWithoutFromIsRefused() {
        Message message = StanzaBuilder.buildMessage().to(JidCreate.fromOrThrowUnchecked("alice@example.com")).build();

        assertThat(StanzaCodec.encode(message)).isInstanceOfSatisfying(StanzaCodec.Encoding.Refused.class,
                refused -> assertThat(refused.reason()).contains("from"));
    }
}
