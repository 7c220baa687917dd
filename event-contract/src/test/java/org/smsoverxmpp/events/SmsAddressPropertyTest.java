package org.smsoverxmpp.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.smsoverxmpp.events.ParsedAddress.Invalid;
import org.smsoverxmpp.events.SmsAddress.AlphanumericSender;
import org.smsoverxmpp.events.SmsAddress.Phone;
import org.smsoverxmpp.events.SmsAddress.ShortCode;

/**
 * Addresses come from strangers' phones: any text at all, all of U+0000-U+10FFFF, lone surrogates, very
 * long strings, and many near misses. The rules are written again here as regular expressions, an
 * independent statement of the same documented rule, and the parser must agree with them on every input.
 */
class SmsAddressPropertyTest {
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern SHORT_CODE = Pattern.compile("[0-9]{3,8}");
    private static final Pattern SENDER = Pattern.compile(
            "(?=.*[A-Za-z])[A-Za-z0-9_.&-](?:[A-Za-z0-9 _.&-]{0,9}[A-Za-z0-9_.&-])?");

    @Property(tries = 20_000)
    void parseAgreesWithTheWrittenRulesAndNeverThrows(@ForAll("anyText") String text) {
        ParsedAddress parsed = SmsAddress.parse(text);
        Statistics.label("kind").collect(parsed.getClass().getSimpleName());

        if (PHONE.matcher(text).matches()) {
            assertThat(parsed).isEqualTo(new Phone(text));
        } else if (SHORT_CODE.matcher(text).matches()) {
            assertThat(parsed).isEqualTo(new ShortCode(text));
        } else if (SENDER.matcher(text).matches()) {
            assertThat(parsed).isEqualTo(new AlphanumericSender(text));
        } else {
            assertThat(parsed).isInstanceOfSatisfying(Invalid.class, i -> assertThat(i.reason()).isNotBlank());
        }
        // Every kind must come up often, or the agreement above would prove little.
        Statistics.label("kind").coverage(kinds -> {
            for (String kind : List.of("Phone", "ShortCode", "AlphanumericSender", "Invalid")) {
                kinds.check(kind).percentage(p -> p > 5);
            }
        });
    }

    @Property(tries = 20_000)
    void logSafeShowsASenderAsItIsAndAnythingElseAsFourDigitsAtMost(@ForAll("anyText") String text) {
        String shown = LogSafe.number(text);

        if (SENDER.matcher(text).matches()) {
            assertThat(shown).isEqualTo(text);
        } else {
            assertThat(shown).matches("…[0-9]{0,4}");
        }
    }

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<Integer> anyCodePoint = Arbitraries.integers().between(0, Character.MAX_CODE_POINT);
        Arbitrary<String> anything = anyCodePoint.list().ofMaxSize(40).map(SmsAddressPropertyTest::text);
        Arbitrary<String> veryLong = anyCodePoint.list().ofMinSize(1_000).ofMaxSize(20_000).map(SmsAddressPropertyTest::text);
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMaxLength(10);
        Arbitrary<String> plusDigits = Arbitraries.strings().numeric().ofMaxLength(18).map(d -> "+" + d);
        Arbitrary<String> senderish = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z')
                .withCharRange('0', '9').withChars(" -_.&+@é\u0000\uD800").ofMaxLength(14);
        return Arbitraries.frequencyOf(Tuple.of(3, anything), Tuple.of(1, veryLong), Tuple.of(3, digits),
                Tuple.of(3, plusDigits), Tuple.of(4, senderish));
    }

    private static String text(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint); // a code point in D800-DFFF becomes a lone surrogate
        return text.toString();
    }
}
