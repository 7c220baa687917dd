package org.smsoverxmpp.bridge.xmpp.ext;

import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;

/** Parses {@link OriginId}; stateless. */
public final class OriginIdProvider extends ExtensionElementProvider<OriginId> {
    public static final OriginIdProvider INSTANCE = new OriginIdProvider();

    @Override
    public OriginId parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment) throws SmackParsingException {
        String id = parser.getAttributeValue("", "id");
        if (id == null || id.isEmpty()) {
            throw new SmackParsingException("origin-id without an id") { };
        }
        return new OriginId(id);
    }
}
