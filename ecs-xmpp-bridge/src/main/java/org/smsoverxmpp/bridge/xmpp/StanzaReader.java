package org.smsoverxmpp.bridge.xmpp;

import java.io.IOException;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.util.ParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one top-level stanza off the stream and never drops one silently. Smack's parser gives up on a whole
 * message when one of its extensions fails to parse (an empty data form, an empty pubsub event), which would
 * lose the body; here such an extension is kept as an unknown element of its name and namespace, and the
 * rest of the message is read. A stanza that cannot be read at all comes back as an {@link UnreadableStanza},
 * told by its start tag, so its sender can still get an answer. Smack is the library that should do this.
 *
 * <p>Providers throw whatever they like for content they dislike, IOException and XmlPullParserException
 * included, so a failure is never taken for a broken stream by its type: the parser is moved on to the end of
 * the element, and only when that fails too (malformed XML, a closed socket) is the stream broken.
 */
final class StanzaReader {
    private static final Logger LOG = LoggerFactory.getLogger(StanzaReader.class);

    /** What came off the stream. */
    sealed interface Read {
        record Parsed(Stanza stanza) implements Read {
        }

        record Unreadable(UnreadableStanza stanza) implements Read {
        }
    }

    private StanzaReader() {
    }

    /** @param parser positioned on the start tag of a message, presence or iq */
    static Read read(XmlPullParser parser, XmlEnvironment stream) throws XmlPullParserException, IOException {
        int depth = parser.getDepth();
        String element = parser.getName();
        UnreadableStanza header = new UnreadableStanza(element, parser.getAttributeValue("", "from"),
                parser.getAttributeValue("", "to"), parser.getAttributeValue("", "id"),
                parser.getAttributeValue("", "type"), "");
        try {
            Stanza stanza = element.equals("message") ? message(parser, stream) : PacketParserUtils.parseStanza(parser, stream);
            return new Read.Parsed(stanza);
        } catch (Exception e) {
            ParserUtils.forwardToEndTagOfDepth(parser, depth);
            return new Read.Unreadable(new UnreadableStanza(header.element(), header.from(), header.to(), header.id(),
                    header.type(), e.toString()));
        }
    }

    /** Smack's message parsing, with each extension read on its own: one that fails does not take the body. */
    private static Message message(XmlPullParser parser, XmlEnvironment stream) throws Exception {
        XmlEnvironment environment = XmlEnvironment.from(parser, stream);
        int depth = parser.getDepth();
        MessageBuilder message = StanzaBuilder.buildMessage(parser.getAttributeValue("", "id"))
                .to(ParserUtils.getJidAttribute(parser, "to"))
                .from(ParserUtils.getJidAttribute(parser, "from"));
        message.setLanguage(ParserUtils.getXmlLang(parser, stream));
        String type = parser.getAttributeValue("", "type");
        if (type != null) {
            message.ofType(Message.Type.fromString(type));
        }
        while (true) {
            XmlPullParser.Event event = parser.next();
            if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth) {
                return message.build();
            }
            if (event != XmlPullParser.Event.START_ELEMENT) {
                continue;
            }
            if (parser.getName().equals("error")) {
                message.setError(PacketParserUtils.parseError(parser, environment));
            } else {
                message.addExtension(extension(parser, environment));
            }
        }
    }

    private static ExtensionElement extension(XmlPullParser parser, XmlEnvironment environment)
            throws XmlPullParserException, IOException {
        int depth = parser.getDepth();
        String name = parser.getName();
        String namespace = parser.getNamespace();
        try {
            return PacketParserUtils.parseExtensionElement(name, namespace, parser, environment);
        } catch (Exception e) {
            LOG.info("kept <{} xmlns='{}'> as an unknown element: Smack could not read it ({})", name, namespace, e.toString());
            ParserUtils.forwardToEndTagOfDepth(parser, depth);
            return StandardExtensionElement.builder(name, namespace).build();
        }
    }
}
