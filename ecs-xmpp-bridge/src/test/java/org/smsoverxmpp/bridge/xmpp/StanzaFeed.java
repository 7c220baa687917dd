package org.smsoverxmpp.bridge.xmpp;

import java.io.StringReader;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.xml.SmackXmlParser;
import org.jivesoftware.smack.xml.XmlPullParser;

/** Feeds stanzas to a handler as the component session does: read off a component stream, never dropped. */
public final class StanzaFeed {
    private StanzaFeed() {
    }

    public static void feed(String stanza, StanzaHandler handler) throws Exception {
        StanzaCodec.install();
        XmlPullParser parser = SmackXmlParser.newXmlParser(new StringReader("<stream:stream xmlns='jabber:component:accept' "
                + "xmlns:stream='http://etherx.jabber.org/streams' id='x'>" + stanza));
        while (parser.next() != XmlPullParser.Event.START_ELEMENT) {
            // to the stream header
        }
        XmlEnvironment environment = XmlEnvironment.from(parser);
        while (parser.next() != XmlPullParser.Event.START_ELEMENT) {
            // to the stanza
        }
        StanzaReader.Read read = StanzaReader.read(parser, environment);
        if (read instanceof StanzaReader.Read.Parsed parsed) {
            handler.onStanza(parsed.stanza());
        } else {
            handler.onUnreadable(((StanzaReader.Read.Unreadable) read).stanza());
        }
    }
}
