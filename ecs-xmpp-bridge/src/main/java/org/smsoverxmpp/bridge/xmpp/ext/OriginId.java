package org.smsoverxmpp.bridge.xmpp.ext;

import javax.xml.namespace.QName;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.XmlStringBuilder;

/**
 * XEP-0359 {@code <origin-id xmlns='urn:xmpp:sid:0' id='…'/>}: the id the originating entity gives a message,
 * which clients use to recognise a message they already have. An SMS's is its MessageSid, so an SMS written
 * again after the bridge died before its batch was confirmed is shown once. (Smack has it only in its
 * experimental module.)
 */
public final class OriginId implements ExtensionElement {
    public static final String NAMESPACE = "urn:xmpp:sid:0";
    public static final String ELEMENT = "origin-id";
    public static final QName QNAME = new QName(NAMESPACE, ELEMENT);

    private final String id;

    public OriginId(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("an origin-id needs an id");
        }
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static OriginId from(Message message) {
        return message.getExtension(OriginId.class);
    }

    @Override
    public String getElementName() {
        return ELEMENT;
    }

    @Override
    public String getNamespace() {
        return NAMESPACE;
    }

    @Override
    public XmlStringBuilder toXML(XmlEnvironment enclosing) {
        return new XmlStringBuilder(this, enclosing).attribute("id", id).closeEmptyElement();
    }
}
