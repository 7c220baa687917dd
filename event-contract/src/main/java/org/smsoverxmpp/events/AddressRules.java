package org.smsoverxmpp.events;

/**
 * The rules behind {@link SmsAddress}, each returning what is wrong (null when nothing is). Reasons give
 * counts, never the text itself: an address is personal data, and reasons end up in logs and answers.
 */
final class AddressRules {
    /** E.164: at most 15 digits in all. The bridge's JIDs need at least 2 (a country code and a number). */
    static final int PHONE_MIN_DIGITS = 2;
    static final int PHONE_MAX_DIGITS = 15;
    /** US/CA short codes have 5-6 digits; other countries use 3 to 8. */
    static final int SHORT_CODE_MIN = 3;
    static final int SHORT_CODE_MAX = 8;
    /** Carriers cap alphanumeric sender IDs at 11 characters. */
    static final int SENDER_MAX = 11;
    private static final String SENDER_PUNCTUATION = " -_.&";

    private AddressRules() {
    }

    static String phoneProblem(String text) {
        if (text == null || text.isEmpty() || text.charAt(0) != '+') {
            return "does not start with +";
        }
        String digits = text.substring(1);
        if (!isAsciiDigits(digits)) {
            return "starts with + but is not followed by digits only";
        }
        if (digits.length() > PHONE_MAX_DIGITS) {
            return "has " + digits.length() + " digits after the +; E.164 allows at most " + PHONE_MAX_DIGITS;
        }
        if (digits.length() < PHONE_MIN_DIGITS) {
            return "has 1 digit after the +; an E.164 number has at least " + PHONE_MIN_DIGITS;
        }
        if (digits.charAt(0) == '0') {
            return "starts with +0; E.164 numbers begin with a country code from 1 to 9";
        }
        return null;
    }

    /** For a text of ASCII digits only. */
    static String shortCodeProblem(String digits) {
        if (digits.length() < SHORT_CODE_MIN || digits.length() > SHORT_CODE_MAX) {
            return "has " + digits.length() + " digits and no +: short codes have " + SHORT_CODE_MIN + " to "
                    + SHORT_CODE_MAX + " digits, phone numbers need the + and the country code";
        }
        return null;
    }

    static String senderProblem(String text) {
        if (text == null || text.isEmpty()) {
            return "is empty";
        }
        int length = text.codePointCount(0, text.length());
        if (length > SENDER_MAX) {
            return "has " + length + " characters; an alphanumeric sender ID has at most " + SENDER_MAX;
        }
        boolean letter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean asciiLetter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            letter |= asciiLetter;
            if (!asciiLetter && !(c >= '0' && c <= '9') && SENDER_PUNCTUATION.indexOf(c) < 0) {
                return "has a character an alphanumeric sender ID cannot have (only ASCII letters, digits, "
                        + "space and - _ . &)";
            }
        }
        if (!letter) {
            return "has no letter; an alphanumeric sender ID needs at least one";
        }
        // XEP-0106 cannot escape a space at either end of a JID's local part.
        if (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' ') {
            return "begins or ends with a space, which an alphanumeric sender ID cannot";
        }
        return null;
    }

    static boolean isAsciiDigits(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static void require(String text, String problem) {
        if (text == null) {
            throw new IllegalArgumentException("SMS address is missing");
        }
        if (problem != null) {
            throw new IllegalArgumentException("SMS address " + problem);
        }
    }
}
