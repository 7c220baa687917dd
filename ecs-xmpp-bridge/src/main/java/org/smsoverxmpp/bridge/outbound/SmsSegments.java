package org.smsoverxmpp.bridge.outbound;

import java.util.ArrayList;
import java.util.List;

/** A provider takes so many characters per message (1,600 for Twilio and Telnyx); longer text goes as several, in order. */
public final class SmsSegments {

    private SmsSegments() {
    }

    /** Splits at character boundaries, never inside a surrogate pair (an emoji stays whole). */
    public static List<String> split(String text, int maxChars) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (text.length() - start > maxChars) {
            int end = start + maxChars;
            if (Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
                end--;
            }
            parts.add(text.substring(start, end));
            start = end;
        }
        parts.add(text.substring(start));
        return parts;
    }
}
