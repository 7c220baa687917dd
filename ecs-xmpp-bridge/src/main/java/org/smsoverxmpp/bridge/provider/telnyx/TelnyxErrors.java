package org.smsoverxmpp.bridge.provider.telnyx;

import java.util.Map;

/**
 * What Telnyx's delivery error codes (40xxx, in {@code message.finalized}) mean, in words a person can act on;
 * for a code not listed, Telnyx's own title from the report.
 */
final class TelnyxErrors {
    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("40001", "the destination is a landline or cannot receive SMS"),
            Map.entry("40002", "the carrier filtered the message as spam (for now)"),
            Map.entry("40003", "the carrier blocks the sending number as spam"),
            Map.entry("40004", "the recipient's carrier rejected it"),
            Map.entry("40005", "it expired before the carrier could deliver it"),
            Map.entry("40006", "the recipient's carrier is unavailable"),
            Map.entry("40008", "the carrier did not accept it"),
            Map.entry("40009", "the carrier rejected the message text"),
            Map.entry("40300", "the recipient replied STOP and has unsubscribed"));

    private TelnyxErrors() {
    }

    static String describe(String code, String title) {
        if ((code == null || code.isBlank()) && (title == null || title.isBlank())) {
            return "no error code from the carrier";
        }
        String meaning = code == null ? null : MEANINGS.get(code);
        String words = meaning != null ? meaning : title == null || title.isBlank() ? "" : title;
        return "Telnyx error" + (code == null ? "" : " " + code) + (words.isEmpty() ? "" : ": " + words);
    }
}
