package org.smsoverxmpp.bridge.xmpp.ext;

import java.io.IOException;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;

/** Parses {@link GatewayQuery}; stateless. */
public final class GatewayQueryProvider extends IQProvider<GatewayQuery> {
    public static final GatewayQueryProvider INSTANCE = new GatewayQueryProvider();

    @Override
    public GatewayQuery parse(XmlPullParser parser, int initialDepth, XmlEnvironment environment)
            throws XmlPullParserException, IOException {
        String description = null;
        String prompt = null;
        String jid = null;
        while (true) {
            XmlPullParser.Event event = parser.next();
            if (event == XmlPullParser.Event.START_ELEMENT) {
                switch (parser.getName()) {
                    case "desc" -> description = parser.nextText();
                    case "prompt" -> prompt = parser.nextText();
                    case "jid" -> jid = parser.nextText();
                    default -> { }
                }
            } else if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == initialDepth) {
                break;
            }
        }
        return new GatewayQuery(description, prompt, jid);
    }
}
