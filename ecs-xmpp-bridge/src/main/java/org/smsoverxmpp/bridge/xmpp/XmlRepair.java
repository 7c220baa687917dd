package org.smsoverxmpp.bridge.xmpp;

/**
 * Makes serialized XML well-formed where Smack's serializer is not: it escapes {@code <} and {@code &} in text
 * but not {@code >}, so a body holding {@code ]]>} is written raw, and it passes on characters XML 1.0 forbids.
 * Either one makes the server close the component stream. Smack is the library that should do this; until it
 * does, every stanza the component writes passes through here.
 *
 * <p>The documented replacements, everywhere: a character XML 1.0 forbids (U+0000–U+001F other than tab, LF
 * and CR; U+FFFE; U+FFFF) and a lone surrogate become U+FFFD; CRLF and a lone CR become LF. In text,
 * {@code ]]>} is written {@code ]]&gt;}. In attribute values, tab and LF are written as character references,
 * so a parser's attribute-value normalization gives them back unchanged.
 *
 * <p>It reads the serialized stanza as Smack writes it: text, tags, and attribute values in {@code '} or
 * {@code "}. Comments, CDATA sections and processing instructions are not part of that; the strict check
 * after it refuses any stanza that holds one.
 */
public final class XmlRepair {
    static final char REPLACEMENT = '\uFFFD';

    private XmlRepair() {
    }

    /** The text as it arrives at the other end: the documented replacements applied. */
    public static String clean(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            i = appendCleaned(text, i, out);
        }
        return out.toString();
    }

    /** A serialized stanza, repaired. */
    static String repair(String xml) {
        StringBuilder out = new StringBuilder(xml.length() + 16);
        boolean inTag = false;
        char quote = 0;
        for (int i = 0; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                    out.append(c);
                } else if (c == '\t') {
                    out.append("&#9;");
                } else if (c == '\n' || c == '\r') {
                    out.append("&#10;");
                    i = skipLfAfterCr(xml, i);
                } else {
                    i = appendCleaned(xml, i, out);
                }
            } else if (inTag) {
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '>') {
                    inTag = false;
                }
                i = appendCleaned(xml, i, out);
            } else if (c == '<') {
                inTag = true;
                out.append(c);
            } else if (c == '>' && followsTwoBrackets(out)) {
                out.append("&gt;");
            } else {
                i = appendCleaned(xml, i, out);
            }
        }
        return out.toString();
    }

    /** Appends the character at {@code i} (or its replacement) and returns the index of the last one used. */
    private static int appendCleaned(CharSequence text, int i, StringBuilder out) {
        char c = text.charAt(i);
        if (c == '\r') {
            out.append('\n');
            return skipLfAfterCr(text, i);
        }
        if (Character.isHighSurrogate(c)) {
            if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(i + 1));
                return i + 1;
            }
            out.append(REPLACEMENT);
            return i;
        }
        out.append(isAllowed(c) ? c : REPLACEMENT);
        return i;
    }

    private static int skipLfAfterCr(CharSequence text, int i) {
        return text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 1 : i;
    }

    /** XML 1.0's Char production, for one UTF-16 unit that is not part of a surrogate pair. */
    static boolean isAllowed(char c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }

    private static boolean followsTwoBrackets(StringBuilder out) {
        int n = out.length();
        return n >= 2 && out.charAt(n - 1) == ']' && out.charAt(n - 2) == ']';
    }
}
