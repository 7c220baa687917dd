package org.smsoverxmpp.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void phoneNumberShowsOnlyItsLastFourDigits() {
        assertThat(LogSafe.number("+15551234567")).isEqualTo("…4567");
    }

    @Test
    void shortCodeShowsOnlyItsLastFourDigits() {
        assertThat(LogSafe.number("72345")).isEqualTo("…2345");
    }

    @Test
    void alphanumericSenderIsShownAsItIs() {
        assertThat(LogSafe.number("My Shop")).isEqualTo("My Shop");
    }

    @Test
    void textThatIsNoAddressShowsNothingButItsLastFourDigits() {
        assertThat(LogSafe.number("call me: +1 555 123 4567!")).isEqualTo("…4567");
        assertThat(LogSafe.number("+1" + "9".repeat(5000))).isEqualTo("…9999");
        assertThat(LogSafe.number("my secret words")).isEqualTo("…");
    }

    @Test
    void missingAddressIsADash() {
        assertThat(LogSafe.number(null)).isEqualTo("-");
    }
}
