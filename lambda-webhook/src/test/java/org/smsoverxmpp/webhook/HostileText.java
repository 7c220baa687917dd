package org.smsoverxmpp.webhook;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Strangers' text for the property tests of every provider's webhook. */
public final class HostileText {
    private HostileText() {
    }

    /**
     * Any text a field may hold: all of U+0000-U+10FFFF (lone surrogates too), very long values, near misses of
     * the longest body, and things that almost look like numbers, sender IDs and URLs.
     */
    public static Arbitrary<String> anyText() {
        Arbitrary<Integer> anyCodePoint = Arbitraries.integers().between(0, Character.MAX_CODE_POINT);
        Arbitrary<String> anything = anyCodePoint.list().ofMaxSize(30).map(HostileText::text);
        Arbitrary<String> veryLong = anyCodePoint.list().ofMinSize(1_500).ofMaxSize(5_000)
                .map(HostileText::text);
        Arbitrary<String> nearTheLongestBody = Arbitraries.integers().between(1_590, 1_610)
                .flatMap(n -> Arbitraries.of("x", "é", "😀").map(c -> c.repeat(n)));
        Arbitrary<String> plusDigits = Arbitraries.strings().numeric().ofMaxLength(18).map(d -> "+" + d);
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMaxLength(10);
        Arbitrary<String> senderish = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z')
                .withCharRange('0', '9').withChars(" -_.&+@é\u0000").ofMaxLength(13);
        Arbitrary<String> urlish = Arbitraries.of("https://api.twilio.com/M/ME1", "http://m.example:8080/a?b=c",
                "ftp://m.example/x", "/relative", "https://", "https:///x", "http:opaque", "javascript:alert(1)", "https://h/é", "HTTPS://H/x", "1", "2");
        Arbitrary<String> idish = Arbitraries.strings().withCharRange('a', 'f').withCharRange('0', '9').withChars("-_ ")
                .ofMaxLength(70);
        return Arbitraries.frequencyOf(Tuple.of(4, anything), Tuple.of(1, veryLong), Tuple.of(2, nearTheLongestBody),
                Tuple.of(3, plusDigits), Tuple.of(2, digits), Tuple.of(3, senderish), Tuple.of(2, urlish),
                Tuple.of(2, idish));
    }

    private static String text(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint); // a code point in D800-DFFF becomes a lone surrogate
        return text.toString();
    }
}
