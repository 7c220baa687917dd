package org.smsoverxmpp.events;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON that SQS accepts whatever the text inside it. SQS refuses a message body holding any character outside
 * tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF; an SMS may hold any of them (a control
 * character, U+FFFF, half an emoji cut off), and a refused event is an SMS Twilio retries until it gives up.
 * JSON escapes control characters already; this escapes the rest, and surrogates (paired or not) with them,
 * as {@code \\uXXXX}. Any JSON reader gives the same text back.
 */
public final class SqsSafeJson {
    private SqsSafeJson() {
    }

    public static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setCharacterEscapes(new Escapes());
        return mapper;
    }

    /** Whether SQS accepts {@code text} as a message body. */
    public static boolean acceptedBySqs(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!ok) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static final class Escapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0xFFFE || ch == 0xFFFF || (ch >= 0xD800 && ch <= 0xDFFF)) {
                return new SerializedString(String.format("\\u%04X", ch));
            }
            return null;
        }
    }
}
