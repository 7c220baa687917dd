package org.smsoverxmpp.bridge.xmpp.ext;

import org.jivesoftware.smack.packet.IQ;

/**
 * XEP-0100 {@code <query xmlns='jabber:iq:gateway'>}: a client asks how to address a contact (get: desc and
 * prompt) and turns what the user typed into a JID (set: prompt → jid). Smack ships no such IQ.
 */
public final class GatewayQuery extends IQ {
    public static final String NAMESPACE = "jabber:iq:gateway";
    public static final String ELEMENT = QUERY_ELEMENT;

    private final String description;
    private final String prompt;
    private final String jid;

    public GatewayQuery(String description, String prompt, String jid) {
        super(ELEMENT, NAMESPACE);
        this.description = description;
        this.prompt = prompt;
        this.jid = jid;
    }

    public String description() {
        return description;
    }

    public String prompt() {
        return prompt;
    }

    public String jid() {
        return jid;
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.rightAngleBracket();
        xml.optElement("desc", description);
        xml.optElement("prompt", prompt);
        xml.optElement("jid", jid);
        return xml;
    }
}
