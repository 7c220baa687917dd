package org.smsoverxmpp.events;

/**
 * How personal data may appear in a log line at INFO: phone numbers by their last 4 digits at most, and
 * message bodies and tokens not at all. Both the webhook and the bridge log addresses through here.
 */
public final class LogSafe {
    private static final int SHOWN_DIGITS = 4;

    private LogSafe() {
    }

    /**
     * An SMS address for a log line. An alphanumeric sender ID ({@code AMAZON}) is a business's public name
     * and is shown as it is. Anything else, a phone number, a short code or text that is no address at all,
     * shows only its last 4 ASCII digits after an ellipsis: {@code +15551234567} becomes {@code …4567},
     * {@code 72345} becomes {@code …2345}, text without digits becomes {@code …}. Null becomes {@code -}.
     */
    public static String number(String address) {
        if (address == null) {
            return "-";
        }
        if (SmsAddress.parse(address) instanceof SmsAddress.AlphanumericSender sender) {
            return sender.name();
        }
        char[] last = new char[SHOWN_DIGITS];
        int found = 0;
        for (int i = address.length() - 1; i >= 0 && found < SHOWN_DIGITS; i--) {
            char c = address.charAt(i);
            if (c >= '0' && c <= '9') {
                last[SHOWN_DIGITS - 1 - found++] = c;
            }
        }
        return "…" + new String(last, SHOWN_DIGITS - found, found);
    }
}
