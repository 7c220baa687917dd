package org.smsoverxmpp.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.smsoverxmpp.events.ParsedAddress.Invalid;
import org.smsoverxmpp.events.SmsAddress.AlphanumericSender;
import org.smsoverxmpp.events.SmsAddress.Phone;
import org.smsoverxmpp.events.SmsAddress.ShortCode;

class SmsAddressTest {

    private static String reason(String text) {
        ParsedAddress parsed = SmsAddress.parse(text);
        assertThat(parsed).isInstanceOf(Invalid.class);
        return ((Invalid) parsed).reason();
    }

    @Test
    void e164NumberIsAPhone() {
        assertThat(SmsAddress.parse("+15551234567")).isEqualTo(new Phone("+15551234567"));
    }

    @Test
    void fifteenDigitsIsTheLongestPhone() {
        assertThat(SmsAddress.parse("+123456789012345")).isInstanceOf(Phone.class);
        assertThat(reason("+1234567890123456")).contains("16 digits").contains("at most 15");
    }

    @Test
    void twoDigitsIsTheShortestPhone() {
        assertThat(SmsAddress.parse("+12")).isInstanceOf(Phone.class);
        assertThat(reason("+1")).contains("at least 2");
    }

    @Test
    void phoneCannotStartWithZeroAfterThePlus() {
        assertThat(reason("+05551234567")).contains("+0");
    }

    @Test
    void plusFollowedByAnythingButAsciiDigitsIsNoAddress() {
        assertThat(reason("+1 555 123 4567")).contains("digits only");
        assertThat(reason("+1-555-1234")).contains("digits only");
        assertThat(reason("+١٢٣٤٥")).as("Arabic-Indic digits").contains("digits only");
        assertThat(reason("+")).contains("digits only");
    }

    @Test
    void aNumberOfThousandsOfDigitsIsRefusedWithItsCountNotItsDigits() {
        String huge = "+1" + "5".repeat(5000);

        String reason = reason(huge);

        assertThat(reason).contains("5001 digits").doesNotContain("55555");
    }

    @Test
    void threeToEightDigitsAreAShortCode() {
        assertThat(SmsAddress.parse("611")).isEqualTo(new ShortCode("611"));
        assertThat(SmsAddress.parse("72345")).isInstanceOf(ShortCode.class);
        assertThat(SmsAddress.parse("12345678")).isInstanceOf(ShortCode.class);
    }

    @Test
    void digitsOutsideTheShortCodeLengthsAreNoAddress() {
        assertThat(reason("12")).contains("3 to 8");
        assertThat(reason("15551234567")).as("a national number without +").contains("need the +");
    }

    @Test
    void lettersDigitsSpaceAndFourPunctuationMarksMakeASender() {
        assertThat(SmsAddress.parse("AMAZON")).isEqualTo(new AlphanumericSender("AMAZON"));
        assertThat(SmsAddress.parse("My Shop")).isInstanceOf(AlphanumericSender.class);
        assertThat(SmsAddress.parse("A-B_C.D&E9")).isInstanceOf(AlphanumericSender.class);
        assertThat(SmsAddress.parse("Z")).isInstanceOf(AlphanumericSender.class);
    }

    @Test
    void elevenCharactersIsTheLongestSender() {
        assertThat(SmsAddress.parse("ABCDEFGHIJK")).isInstanceOf(AlphanumericSender.class);
        assertThat(reason("ABCDEFGHIJKL")).contains("12 characters").contains("at most 11");
    }

    @Test
    void senderNeedsALetter() {
        assertThat(reason("12-34")).contains("no letter");
        assertThat(reason("...")).contains("no letter");
    }

    @Test
    void senderCannotBeginOrEndWithASpace() {
        assertThat(reason(" AMAZON")).contains("space");
        assertThat(reason("AMAZON ")).contains("space");
    }

    @Test
    void anyOtherCharacterMakesNoSender() {
        assertThat(reason("Café")).contains("cannot have");
        assertThat(reason("A\u0000B")).contains("cannot have");
        assertThat(reason("a@b")).contains("cannot have");
        assertThat(reason("AB\uD800")).as("a lone surrogate").contains("cannot have");
    }

    @Test
    void missingOrEmptyIsNoAddress() {
        assertThat(reason(null)).contains("missing");
        assertThat(reason("")).contains("empty");
    }

    @Test
    void reasonsNeverQuoteTheText() {
        for (String text : new String[] {"+1555123456789012", "Secret Name!", "+1 555 123 4567", "123456789"}) {
            assertThat(reason(text)).doesNotContain(text).doesNotContain("5551234");
        }
    }

    @Test
    void eachKindRefusesToHoldAnythingElse() {
        assertThatThrownBy(() -> new Phone("15551234567")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShortCode("+1234")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShortCode("AMAZON")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AlphanumericSender("12345")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AlphanumericSender(null)).hasMessageContaining("missing");
    }

    @Test
    void textIsTheAddressAsTwilioWritesIt() {
        assertThat(SmsAddress.parse("+15551234567")).extracting(p -> ((SmsAddress) p).text()).isEqualTo("+15551234567");
        assertThat(new ShortCode("72345").text()).isEqualTo("72345");
        assertThat(new AlphanumericSender("My Shop").text()).isEqualTo("My Shop");
    }
}
