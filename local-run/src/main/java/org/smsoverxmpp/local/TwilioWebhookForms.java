package org.smsoverxmpp.local;

import java.util.LinkedHashMap;
import java.util.Map;

/** The forms Twilio posts to a messaging webhook, field for field, for the simulator, the tests and benchmarks. */
public final class TwilioWebhookForms {
    private TwilioWebhookForms() {
    }

    /** An incoming SMS ("A message comes in"). */
    public static Map<String, String> sms(String sid, String accountSid, String from, String to, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ToCountry", "US");
        form.put("SmsMessageSid", sid);
        form.put("NumMedia", "0");
        form.put("SmsSid", sid);
        form.put("SmsStatus", "received");
        form.put("Body", body);
        form.put("To", to);
        form.put("NumSegments", "1");
        form.put("MessageSid", sid);
        form.put("AccountSid", accountSid);
        form.put("From", from);
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    /** A status callback for a message sent through the API; {@code errorCode} may be null. */
    public static Map<String, String> status(String sid, String accountSid, String status, String errorCode,
            String from, String to) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SmsSid", sid);
        form.put("SmsStatus", status);
        form.put("MessageStatus", status);
        form.put("To", to);
        form.put("MessageSid", sid);
        form.put("AccountSid", accountSid);
        form.put("From", from);
        form.put("ApiVersion", "2010-04-01");
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        return form;
    }
}
