package org.smsoverxmpp.bridge.xmpp.ext;

import java.util.List;
import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * XEP-0066 {@code <x xmlns='jabber:x:oob'><url/><desc/></x>}: how clients attach a file (often a XEP-0363
 * upload) and how they show one inline. Smack ships no such element.
 */
public final class OutOfBandData implements ExtensionElement {
    public static final String NAMESPACE = "jabber:x:oob";
    public static final String ELEMENT = "x";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);

    private final String url;
    private final String description;

    public OutOfBandData(String url, String description) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("jabber:x:oob needs a url");
        }
        this.url = url;
        this.description = description;
    }

    public OutOfBandData(String url) {
        this(url, null);
    }

    public String url() {
        return url;
    }

    public String description() {
        return description;
    }

    /** Every OOB attachment of the message, in document order. */
    public static List<OutOfBandData> from(Message message) {
        return message.getExtensions(ELEMENT, NAMESPACE).stream()
                .filter(OutOfBandData.class::isInstance).map(OutOfBandData.class::cast).toList();
    }

    @Override
    public String getNamespace() {
        return NAMESPACE;
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        XmlStringBuilder xml = new XmlStringBuilder(this, enclosing);
        xml.rightAngleBracket();
        xml.element("url", url);
        xml.optElement("desc", description);
        xml.closeElement(this);
        return xml;
    }
}
