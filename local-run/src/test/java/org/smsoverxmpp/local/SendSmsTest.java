package org.smsoverxmpp.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.smsoverxmpp.events.SmsAddress;

/** bin/sms sends from any address the gateway delivers from, by the rule the webhook uses. */
class SendSmsTest {
    @Test
    void aNamedSenderAndAShortCodeAreSentAsTheyAre() {
        for (String sender : new String[] {"AMAZON", "72345", "My Shop"}) {
            assertThat(SendSms.sender(sender)).isEqualTo(sender);
            assertThat(SmsAddress.parse(SendSms.sender(sender))).isInstanceOf(SmsAddress.class);
        }
    }

    @Test
    void aPhoneNumberInAnyCommonFormatBecomesE164() {
        assertThat(SendSms.sender("(307) 555-1212")).isEqualTo("+13075551212");
        assertThat(SendSms.sender("+44 20 7946 0958")).isEqualTo("+442079460958");
        assertThat(SendSms.sender("+15551234567")).isEqualTo("+15551234567");
    }

    @Test
    void whatIsNoneOfTheThreeIsRefusedWithTheReason() {
        assertThatThrownBy(() -> SendSms.sender("not-a-sender!!")).hasMessageContaining("not a phone number, a short code or a sender ID");
    }
}
