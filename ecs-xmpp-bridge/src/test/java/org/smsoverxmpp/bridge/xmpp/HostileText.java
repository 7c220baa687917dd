package org.smsoverxmpp.bridge.xmpp;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Text as strangers write it: any code point, lone surrogates, noncharacters, and the markup that breaks XML. */
public final class HostileText {
    private static final List<String> SNIPPETS = List.of("]]>", "]]", "]", ">", "<", "&", "&amp;", "&lt;", "&#0;",
            "&#x1F600;", "<!--", "-->", "<![CDATA[", "<?xml version='1.0'?>", "</body>", "</message>", "<body>",
            "'", "\"", "\r\n", "\r", "\n", "\t", "\u0000", "\u001B", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF",
            "\uD83D\uDC4B", "\uFDD0", "\u0085", "\u2028", "\u200B", "\uFEFF", "xmlns='jabber:client'",
            "</stream:stream>", "<stream:error/>");

    private HostileText() {
    }

    /** Strings of up to {@code maxParts} pieces, each a hostile snippet or a random code point. */
    public static Arbitrary<String> strings(int maxParts) {
        Arbitrary<String> anyCodePoint = Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .map(cp -> new String(Character.toChars(cp)));
        Arbitrary<String> anyUnit = Arbitraries.chars().all().map(String::valueOf);
        Arbitrary<String> part = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(SNIPPETS)),
                net.jqwik.api.Tuple.of(3, anyCodePoint),
                net.jqwik.api.Tuple.of(2, anyUnit),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().alpha().numeric().ofMaxLength(8)));
        return part.list().ofMaxSize(maxParts).map(parts -> String.join("", parts));
    }
}
