package org.smsoverxmpp.bridge.contacts;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.smsoverxmpp.bridge.address.PhoneJids;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.xmpp.IqErrors;
import org.smsoverxmpp.bridge.xmpp.ext.GatewayQuery;

/** XEP-0100 "add contact": the user types a number in any human format and gets the JID back. */
public final class GatewayPrompt {
    static final String DESCRIPTION = "Enter the phone number of the person you want to text, "
            + "with its country code (e.g. +1 307 555 1212) or as you would dial it locally.";
    static final String PROMPT = "Phone number";

    private final PhoneJids jids;
    private final String defaultRegion;

    public GatewayPrompt(PhoneJids jids, String defaultRegion) {
        this.jids = jids;
        this.defaultRegion = defaultRegion;
    }

    public IQ answer(GatewayQuery request) {
        if (request.getType() == IQ.Type.get) {
            return reply(request, new GatewayQuery(DESCRIPTION, PROMPT, null));
        }
        String typed = request.prompt() == null ? "" : request.prompt().trim();
        try {
            PhoneNumber number = PhoneNumber.parse(typed, defaultRegion);
            return reply(request, new GatewayQuery(null, null, jids.jidOf(number.e164()).toString()));
        } catch (IllegalArgumentException e) {
            return IqErrors.to(request, StanzaError.Condition.not_acceptable, StanzaError.Type.MODIFY,
                    "'" + typed + "' is not a phone number. " + DESCRIPTION);
        }
    }

    private static IQ reply(IQ request, GatewayQuery answer) {
        answer.setType(IQ.Type.result);
        answer.setStanzaId(request.getStanzaId());
        answer.setFrom(request.getTo());
        answer.setTo(request.getFrom());
        return answer;
    }
}
