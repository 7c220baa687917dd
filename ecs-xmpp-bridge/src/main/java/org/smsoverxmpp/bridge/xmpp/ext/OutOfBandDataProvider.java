package org.smsoverxmpp.bridge.xmpp.ext;

import java.io.IOException;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.parsing.SmackParsingException;
import org.jivesoftware.smack.provider.ExtensionElementProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/** Parses {@link OutOfBandData}; stateless. */
public final class OutOfBandDataProvider extends ExtensionElementProvider<OutOfBandData> {
    public static final OutOfBandDataProvider INSTANCE = new OutOfBandDataProvider();

    @Override
    public OutOfBandData parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
            throws XmlPullParserException, IOException, SmackParsingException {
        String url = null;
        String description = null;
        while (true) {
            XmlPullParser.Event event = parser.next();
            if (event == XmlPullParser.Event.START_ELEMENT) {
                switch (parser.getName()) {
                    case "url" -> url = parser.nextText().trim();
                    case "desc" -> description = parser.nextText();
                    default -> { }
                }
            } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                break;
            }
        }
        if (url == null || url.isEmpty()) {
            throw new SmackParsingException("jabber:x:oob without a url") { };
        }
        return new OutOfBandData(url, description);
    }
}
