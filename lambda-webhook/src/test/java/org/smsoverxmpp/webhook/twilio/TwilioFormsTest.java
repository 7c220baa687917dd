package org.smsoverxmpp.webhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.events.DeliveryStatus;
import org.smsoverxmpp.events.InboundSms;
import org.smsoverxmpp.webhook.http.WebhookRejection;

class TwilioFormsTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final TwilioForms FORMS = new TwilioForms("twilio");

    static Map<String, String> sms() {
        return TwilioFormFixtures.sms(ACCOUNT);
    }

    static Map<String, String> status() {
        return TwilioFormFixtures.status(ACCOUNT);
    }

    static Map<String, String> sms(String field, String value) {
        Map<String, String> form = sms();
        form.put(field, value);
        return form;
    }

    private static WebhookRejection refused(Map<String, String> form) {
        try {
            FORMS.inboundSms(form, NOW);
        } catch (WebhookRejection rejection) {
            assertThat(rejection.status()).isEqualTo(400);
            return rejection;
        }
        throw new AssertionError("accepted " + form);
    }

    @Test
    void fromMayBeAPhoneNumberAShortCodeOrASenderId() throws Exception {
        for (String from : new String[] {"+15557654321", "72345", "AMAZON", "My Shop"}) {
            assertThat(FORMS.inboundSms(sms("From", from), NOW).from()).isEqualTo(from);
        }
    }

    @Test
    void fromThatIsNoAddressIsRefusedWithTheRuleNotTheValue() {
        WebhookRejection rejection = refused(sms("From", "+1" + "5".repeat(5000)));

        assertThat(rejection).hasMessageContaining("From").hasMessageContaining("at most 15")
                .hasMessageNotContaining("55555");
    }

    @Test
    void senderIdLongerThanElevenCharactersIsRefused() {
        assertThat(refused(sms("From", "ABCDEFGHIJKL"))).hasMessageContaining("at most 11");
    }

    @Test
    void toMustBeOneOfOurNumbersInE164() {
        assertThat(refused(sms("To", "72345"))).hasMessageContaining("To must be one of our numbers");
        assertThat(refused(sms("To", "AMAZON"))).hasMessageContaining("To must be one of our numbers");
        assertThat(refused(sms("To", "5550001111"))).hasMessageContaining("To");
    }

    @Test
    void bodyOfSixteenHundredCharactersIsAcceptedCountingEachEmojiOnce() throws Exception {
        String body = "😀".repeat(1600);

        assertThat(FORMS.inboundSms(sms("Body", body), NOW).body()).isEqualTo(body);
    }

    @Test
    void bodyLongerThanAnSmsCarriesIsRefused() {
        assertThat(refused(sms("Body", "x".repeat(1601)))).hasMessageContaining("1601 characters");
    }

    @Test
    void mediaUrlMayBeHttpOrHttps() throws Exception {
        Map<String, String> form = sms("NumMedia", "2");
        form.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1");
        form.put("MediaUrl1", "HTTP://media.example:8080/ME2");

        assertThat(FORMS.inboundSms(form, NOW).media()).hasSize(2);
    }

    @Test
    void mediaUrlThatIsNotAnAbsoluteHttpUrlIsRefused() {
        for (String url : new String[] {"/2010-04-01/Media/ME1", "ftp://media.example/ME1", "javascript:alert(1)",
                "https://", "https:///ME1", "https://media.example/a b", "file:///etc/passwd"}) {
            Map<String, String> form = sms("NumMedia", "1");
            form.put("MediaUrl0", url);

            assertThat(refused(form)).as(url).hasMessageContaining("MediaUrl0 must be an absolute http(s) URL");
        }
    }

    @Test
    void mediaCountWithoutItsUrlIsRefused() {
        assertThat(refused(sms("NumMedia", "1"))).hasMessageContaining("MediaUrl0");
    }

    @Test
    void mediaCountMustBeZeroToTenInAsciiDigits() {
        assertThat(refused(sms("NumMedia", "11"))).hasMessageContaining("between 0 and 10");
        assertThat(refused(sms("NumMedia", "٣"))).as("an Arabic-Indic 3").hasMessageContaining("not a number");
        assertThat(refused(sms("NumMedia", "+1"))).hasMessageContaining("not a number");
        assertThat(refused(sms("NumMedia", "-0"))).hasMessageContaining("not a number");
    }

    @Test
    void messageSidLongerThanAFifoKeyShouldBeIsRefused() {
        assertThat(refused(sms("MessageSid", "SM" + "a".repeat(63)))).hasMessageContaining("MessageSid must be 1 to 64");
    }

    @Test
    void messageSidWithCharactersOutsideAsciiLettersDigitsAndHyphensIsRefused() {
        for (String sid : new String[] {"SM 1", "SM|1", "SMé1", "SM\u00001", "SM_1"}) {
            assertThat(refused(sms("MessageSid", sid))).as(sid).hasMessageContaining("ASCII letters, digits and -");
        }
    }

    @Test
    void uuidShapedSidsOfTwilioFormatProvidersAreAccepted() throws Exception {
        Map<String, String> form = sms("MessageSid", "b3877c40-da60-4998-90ad-b792e98472af");
        form.put("AccountSid", "8f1c2b7e-3d4a-4b5c-9e6f-0a1b2c3d4e5f");

        assertThat(new TwilioForms("signalwire").inboundSms(form, NOW)).satisfies(sms -> {
            assertThat(sms.messageId()).isEqualTo("b3877c40-da60-4998-90ad-b792e98472af");
            assertThat(sms.provider()).isEqualTo("signalwire");
        });
    }

    @Test
    void olderSidFieldIsHeldToTheSameShape() {
        Map<String, String> form = sms();
        form.remove("MessageSid");
        form.put("SmsSid", "SM|1");

        assertThat(refused(form)).hasMessageContaining("SmsSid must be");
    }

    @Test
    void accountSidWithCharactersOutsideAsciiLettersDigitsAndHyphensIsRefused() {
        assertThat(refused(sms("AccountSid", "AC 1"))).hasMessageContaining("AccountSid must be");
    }

    @Test
    void statusCallbackWithoutFromAndToIsAccepted() throws Exception {
        DeliveryStatus status = FORMS.deliveryStatus(status(), NOW);

        assertThat(status.from()).isEmpty();
        assertThat(status.to()).isEmpty();
    }

    @Test
    void statusCallbackTakesItsAddressesAsTwilioSendsThem() throws Exception {
        Map<String, String> form = status();
        form.put("From", "MyShop");
        form.put("To", "72345");

        assertThat(FORMS.deliveryStatus(form, NOW).to()).isEqualTo("72345");
    }

    @Test
    void statusCallbackSidIsHeldToTheSameShape() {
        Map<String, String> form = status();
        form.put("MessageSid", "SM" + "0".repeat(100));

        assertThatThrownBy(() -> FORMS.deliveryStatus(form, NOW)).isInstanceOf(WebhookRejection.class)
                .hasMessageContaining("MessageSid must be");
    }

    @Test
    void acceptedSmsCarriesEveryField() throws Exception {
        InboundSms sms = FORMS.inboundSms(sms(), NOW);

        assertThat(sms).isEqualTo(new InboundSms("twilio", TwilioFormFixtures.MESSAGE_SID,
                TwilioFormFixtures.THEIR_NUMBER, TwilioFormFixtures.OUR_NUMBER, "hi", java.util.List.of(), NOW));
    }
}
