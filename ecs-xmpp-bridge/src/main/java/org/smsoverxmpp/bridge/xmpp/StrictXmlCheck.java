package org.smsoverxmpp.bridge.xmpp;

import java.io.StringReader;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import com.ctc.wstx.stax.WstxInputFactory;

/**
 * The last check before a stanza goes on the stream: a strict XML 1.0 parser (Woodstox) reads it back, inside
 * a stand-in for the stream's root element. A stanza that fails would make the server close the stream, so it
 * is refused instead. Woodstox rather than the JDK's parser: it reads a short stanza in 2–4 µs, the JDK's in
 * 13–18 µs (measured side by side on this project's benchmark machine; docs/performance.md, row 11).
 */
final class StrictXmlCheck {
    private static final Set<String> STANZAS = Set.of("message", "presence", "iq");
    private static final String OPEN = "<stream xmlns='" + StanzaCodec.COMPONENT_NAMESPACE
            + "' xmlns:stream='http://etherx.jabber.org/streams'>";
    private static final XMLInputFactory FACTORY = factory();

    private StrictXmlCheck() {
    }

    /** @return what is wrong with {@code stanza}, or empty when it is one well-formed stanza with a 'from' */
    static Optional<String> problemWith(String stanza) {
        // Well-formed stanzas escape every '<' that is not markup, so these can only be a comment, a CDATA
        // section, a processing instruction or a DTD: none belongs in a stanza, and XmlRepair does not read them.
        if (stanza.contains("<!") || stanza.contains("<?")) {
            return Optional.of("comment, CDATA, DTD or processing instruction in a stanza");
        }
        int forbidden = firstForbiddenCharacter(stanza);
        if (forbidden >= 0) {
            return Optional.of(String.format("character U+%04X at %d, which XML 1.0 forbids", (int) stanza.charAt(forbidden), forbidden));
        }
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(OPEN + stanza + "</stream>"));
            int depth = 0;
            int topLevel = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2) {
                        topLevel++;
                        if (!STANZAS.contains(reader.getLocalName()) || reader.getPrefix() != null && !reader.getPrefix().isEmpty()) {
                            return Optional.of("<" + reader.getLocalName() + "> is not a stanza");
                        }
                        String from = reader.getAttributeValue(null, "from");
                        if (from == null || from.isEmpty()) {
                            return Optional.of("stanza without 'from'");
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (event == XMLStreamConstants.CHARACTERS && depth == 1 && !reader.isWhiteSpace()) {
                    return Optional.of("text outside the stanza");
                }
            }
            return topLevel == 1 ? Optional.empty() : Optional.of(topLevel + " top-level elements instead of one stanza");
        } catch (XMLStreamException e) {
            return Optional.of("not well-formed: " + e.getMessage().replaceAll("\\s+", " "));
        } finally {
            close(reader);
        }
    }

    /**
     * Woodstox checks control characters but, reading a Java string, not U+FFFE, U+FFFF or lone surrogates,
     * which the server's parser refuses: those are checked here, in one pass.
     */
    private static int firstForbiddenCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (!XmlRepair.isAllowed(c)) {
                return i;
            }
        }
        return -1;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        return factory;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing to release
            }
        }
    }
}
