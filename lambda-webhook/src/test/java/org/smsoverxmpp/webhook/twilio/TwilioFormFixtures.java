package org.smsoverxmpp.webhook.twilio;

import java.util.LinkedHashMap;
import java.util.Map;

/** The two forms Twilio posts, with the fields the webhook reads, for one account. Tests change what they test. */
public final class TwilioFormFixtures {
    public static final String MESSAGE_SID = "SM0123456789abcdef0123456789abcdef";
    public static final String THEIR_NUMBER = "+15557654321";
    public static final String OUR_NUMBER = "+15550001111";

    private TwilioFormFixtures() {
    }

    /** "A message comes in": their number wrote "hi" to ours. */
    public static Map<String, String> sms(String accountSid) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", MESSAGE_SID);
        form.put("AccountSid", accountSid);
        form.put("From", THEIR_NUMBER);
        form.put("To", OUR_NUMBER);
        form.put("Body", "hi");
        form.put("NumMedia", "0");
        return form;
    }

    /** A status callback for a message we sent, with only the fields Twilio always sends. */
    public static Map<String, String> status(String accountSid) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", MESSAGE_SID);
        form.put("AccountSid", accountSid);
        form.put("MessageStatus", "delivered");
        return form;
    }
}
