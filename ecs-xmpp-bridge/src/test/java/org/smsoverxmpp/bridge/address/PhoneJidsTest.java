package org.smsoverxmpp.bridge.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.smsoverxmpp.bridge.address.PhoneJids.Recipient;

class PhoneJidsTest {
    private final PhoneJids jids = new PhoneJids(JidCreate.domainBareFromOrThrowUnchecked("sms.example.com"));

    @Test
    void e164SenderBecomesPlusNumberAtDomain() {
        assertThat(jids.jidOf("+15551234567").toString()).isEqualTo("+15551234567@sms.example.com");
    }

    @Test
    void shortCodeGetsThePhoneContextForm() {
        assertThat(jids.jidOf("12345").toString())
                .isEqualTo("12345;phone-context=ca-us.phone-context.soprani.ca@sms.example.com");
    }

    @Test
    void alphanumericSenderIsEscapedIntoAStableJid() {
        assertThat(jids.jidOf("My Bank").toString()).isEqualTo("my\\20bank@sms.example.com");
        // Local parts are case-insensitive in XMPP, so the JID is the same however the sender capitalises.
        assertThat(jids.jidOf("MY BANK").toString()).isEqualTo(jids.jidOf("My Bank").toString());
    }

    @Test
    void messageToAPlusNumberIsForThatNumber() {
        Recipient recipient = jids.recipientOf(JidCreate.fromOrThrowUnchecked("+15551234567@sms.example.com/any"));

        assertThat(recipient).isEqualTo(new Recipient.Phone(new PhoneNumber("+15551234567")));
    }

    @Test
    void shortCodesAreRecipientsInBothForms() {
        assertThat(jids.recipientOf(JidCreate.fromOrThrowUnchecked("12345@sms.example.com")))
                .isEqualTo(new Recipient.ShortCode("12345"));
        assertThat(jids.recipientOf(jids.jidOf("654321"))).isEqualTo(new Recipient.ShortCode("654321"));
    }

    @Test
    void aNameIsAnAlphanumericSenderNotANumber() {
        assertThat(jids.recipientOf(jids.jidOf("My Bank"))).isEqualTo(new Recipient.Name("my bank"));
        assertThat(PhoneJids.isAlphanumericSender("AMAZON")).isTrue();
        assertThat(PhoneJids.isAlphanumericSender("+15551234567")).isFalse();
        assertThat(PhoneJids.isAlphanumericSender("12345")).isFalse();
    }

    @Test
    void messageToDigitsOrTheDomainIsNotForAPhoneAndSaysWhatToWrite() {
        assertThat(jids.recipientOf(JidCreate.fromOrThrowUnchecked("555-1234-567@sms.example.com")))
                .isInstanceOfSatisfying(Recipient.NotAPhone.class, r -> assertThat(r.reason()).contains("'555-1234-567'"));
        assertThat(jids.recipientOf(JidCreate.fromOrThrowUnchecked("sms.example.com")))
                .isInstanceOfSatisfying(Recipient.NotAPhone.class, r -> assertThat(r.reason()).contains("+15551234567@"));
        assertThat(jids.recipientOf(JidCreate.fromOrThrowUnchecked("5551234567@sms.example.com")))
                .isInstanceOf(Recipient.NotAPhone.class);
    }

    @Test
    void anotherDomainIsNotOurs() {
        assertThat(jids.recipientOf(JidCreate.fromOrThrowUnchecked("+15551234567@elsewhere.example")))
                .isInstanceOf(Recipient.NotAPhone.class);
    }

    @Test
    void phoneNumberHoldsOnlyE164() {
        assertThat(new PhoneNumber("+442071838750").e164()).isEqualTo("+442071838750");
        assertThatThrownBy(() -> new PhoneNumber("5551234567")).hasMessageContaining("E.164");
        assertThatThrownBy(() -> new PhoneNumber("+0123")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumber("+1234567890123456")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void humanInputIsNormalisedWithTheDefaultRegion() {
        assertThat(PhoneNumber.parse("(307) 555-1212", "US")).isEqualTo(new PhoneNumber("+13075551212"));
        assertThat(PhoneNumber.parse("+44 20 7183 8750", "US")).isEqualTo(new PhoneNumber("+442071838750"));
        assertThat(PhoneNumber.parse("020 7183 8750", "GB")).isEqualTo(new PhoneNumber("+442071838750"));
    }

    @Test
    void nonsenseIsRefusedNotGuessed() {
        assertThatThrownBy(() -> PhoneNumber.parse("call me maybe", "US")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PhoneNumber.parse("12", "US")).isInstanceOf(IllegalArgumentException.class);
    }
}
