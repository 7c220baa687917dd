package org.smsoverxmpp.bridge.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.nick.packet.Nick;
import org.jivesoftware.smackx.receipts.DeliveryReceipt;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.jxmpp.util.XmppStringUtils;
import org.smsoverxmpp.bridge.xmpp.ext.OutOfBandData;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * Every stanza the component writes, built from hostile text, is one well-formed stanza that a strict XML 1.0
 * parser reads back, and what comes back is the input with only the documented replacements.
 */
class StanzaCodecFuzzTest {
    private static final Jid USER = JidCreate.fromOrThrowUnchecked("alice@example.com/phone");
    private static final Jid PHONE = JidCreate.fromOrThrowUnchecked("+15551234567@sms.example.com");

    @Provide
    Arbitrary<String> hostile() {
        return HostileText.strings(40);
    }

    /** Ids and URLs are never empty: Smack refuses those before the codec sees them. */
    @Provide
    Arbitrary<String> hostileId() {
        return HostileText.strings(20).map(s -> "i" + s);
    }

    /** Reads the stanza back with the JDK's strict parser, inside a stand-in for the stream. */
    private static Element readBack(Stanza stanza) throws Exception {
        StanzaCodec.Encoding encoding = StanzaCodec.encode(stanza);
        assertThat(encoding).isInstanceOf(StanzaCodec.Encoding.Xml.class);
        String xml = ((StanzaCodec.Encoding.Xml) encoding).xml();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(
                "<stream xmlns='jabber:component:accept' xmlns:stream='http://etherx.jabber.org/streams'>" + xml + "</stream>")));
        return (Element) document.getDocumentElement().getFirstChild();
    }

    private static String text(Element stanza, String namespace, String name) {
        return stanza.getElementsByTagNameNS(namespace, name).item(0).getTextContent();
    }

    @Property(tries = 4000)
    void anSmsBecomesAChatMessageWithItsTextIntact(@ForAll("hostile") String body, @ForAll("hostileId") String id,
            @ForAll("hostileId") String senderName) throws Exception {
        EntityBareJid sender = JidCreate.entityBareFromOrThrowUnchecked(
                XmppStringUtils.escapeLocalpart("x" + senderName.replace("@", "")) + "@sms.example.com");
        Message sms = StanzaBuilder.buildMessage(id).from(sender).to(USER.asBareJid()).ofType(Message.Type.chat)
                .setBody(body).addExtension(new Nick(senderName)).build();

        Element read = readBack(sms);

        assertThat(text(read, "jabber:component:accept", "body")).isEqualTo(XmlRepair.clean(body));
        assertThat(text(read, Nick.NAMESPACE, "nick")).isEqualTo(XmlRepair.clean(senderName));
        assertThat(read.getAttribute("id")).isEqualTo(XmlRepair.clean(id));
        assertThat(read.getAttribute("from")).isEqualTo(XmlRepair.clean(sender.toString()));
    }

    @Property(tries = 2500)
    void anErrorCopyCarriesTheUsersBodyAndAnyErrorText(@ForAll("hostile") String body, @ForAll("hostileId") String id,
            @ForAll("hostile") String text, @ForAll("hostileId") String resource) throws Exception {
        // A client picks its own resource; whatever the server let through comes back to it.
        Jid sender;
        try {
            sender = JidCreate.fullFrom("alice@example.com/" + resource);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            sender = USER;
        }
        Message copy = StanzaBuilder.buildMessage(id).from(PHONE).to(sender).ofType(Message.Type.error).setBody(body)
                .setError(StanzaError.getBuilder(StanzaError.Condition.item_not_found).setType(StanzaError.Type.CANCEL)
                        .setDescriptiveEnText(text).build())
                .build();

        Element read = readBack(copy);

        assertThat(text(read, "jabber:component:accept", "body")).isEqualTo(XmlRepair.clean(body));
        assertThat(text(read, "urn:ietf:params:xml:ns:xmpp-stanzas", "text")).isEqualTo(XmlRepair.clean(text));
        assertThat(read.getAttribute("id")).isEqualTo(XmlRepair.clean(id));
        assertThat(read.getAttribute("to")).isEqualTo(XmlRepair.clean(sender.toString()));
    }

    @Property(tries = 2000)
    void aReceiptAndAPictureKeepTheirIdsAndUrls(@ForAll("hostileId") String receiptId, @ForAll("hostileId") String url)
            throws Exception {
        Message receipt = StanzaBuilder.buildMessage("r1").from(PHONE).to(USER).addExtension(new DeliveryReceipt(receiptId))
                .addExtension(new OutOfBandData(url)).setBody(url).build();

        Element read = readBack(receipt);

        assertThat(((Element) read.getElementsByTagNameNS(DeliveryReceipt.NAMESPACE, "received").item(0)).getAttribute("id"))
                .isEqualTo(XmlRepair.clean(receiptId));
        assertThat(text(read, OutOfBandData.NAMESPACE, "url")).isEqualTo(XmlRepair.clean(url));
    }

    @Property(tries = 1500)
    void iqAnswersAndErrorsStayWellFormed(@ForAll("hostileId") String id, @ForAll("hostile") String text,
            @ForAll("hostile") String name) throws Exception {
        Element error = readBack(IqErrors.build(id, PHONE, USER, StanzaError.Condition.bad_request, StanzaError.Type.MODIFY, text));
        assertThat(error.getAttribute("id")).isEqualTo(XmlRepair.clean(id));
        assertThat(text(error, "urn:ietf:params:xml:ns:xmpp-stanzas", "text")).isEqualTo(XmlRepair.clean(text));

        VCard card = new VCard();
        card.setField("FN", name);
        card.setType(IQ.Type.result);
        card.setStanzaId(id);
        card.setFrom(PHONE);
        card.setTo(USER);
        assertThat(text(readBack(card), "vcard-temp", "FN")).isEqualTo(XmlRepair.clean(name));
    }
}
