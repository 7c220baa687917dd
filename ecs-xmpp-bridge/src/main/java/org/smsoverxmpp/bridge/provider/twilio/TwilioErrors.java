package org.smsoverxmpp.bridge.provider.twilio;

import java.util.Map;

/**
 * What Twilio's delivery error codes mean, in words a person can act on. SignalWire's compatibility API reports
 * the same codes.
 */
final class TwilioErrors {
    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("30001", "queue overflow at the provider"),
            Map.entry("30002", "the account is suspended"),
            Map.entry("30003", "the destination handset is unreachable (off or out of coverage)"),
            Map.entry("30004", "the message was blocked (the recipient may have blocked you or opted out)"),
            Map.entry("30005", "unknown destination handset (the number may not exist)"),
            Map.entry("30006", "the destination is a landline or cannot receive SMS"),
            Map.entry("30007", "the carrier filtered the message as spam"),
            Map.entry("30008", "unknown error from the carrier"),
            Map.entry("30034", "the sending number is not registered for A2P 10DLC"),
            Map.entry("21610", "the recipient replied STOP and has unsubscribed"));

    private TwilioErrors() {
    }

    static String describe(String provider, String code, boolean withPage) {
        if (code == null || code.isBlank()) {
            return "no error code from the carrier";
        }
        String meaning = MEANINGS.get(code);
        if (meaning == null) {
            return provider + " error " + code + (withPage ? ": see " + page(code) : "");
        }
        return provider + " error " + code + ": " + meaning;
    }

    static String page(String code) {
        return "https://www.twilio.com/docs/errors/" + code;
    }
}
