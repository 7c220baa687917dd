package org.smsoverxmpp.bridge.address;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import org.smsoverxmpp.events.SmsAddress;

/** A phone number in E.164 form ({@code +15551234567}); it cannot hold anything else. */
public record PhoneNumber(String e164) {
    private static final PhoneNumberUtil PHONE = PhoneNumberUtil.getInstance();

    public PhoneNumber {
        if (!isE164(e164)) {
            throw new IllegalArgumentException("not an E.164 number: '" + e164 + "' (expected + and up to 15 digits)");
        }
    }

    /** The rule shared with the webhook: {@code +}, then up to 15 digits, the first not 0. */
    public static boolean isE164(String text) {
        return SmsAddress.parse(text) instanceof SmsAddress.Phone;
    }

    /**
     * Parses what a person typed, in any common format; {@code defaultRegion} (ISO 3166, e.g. "US") applies
     * to numbers written without a country code. Refuses what cannot be a phone number, never guesses.
     */
    public static PhoneNumber parse(String text, String defaultRegion) {
        try {
            var parsed = PHONE.parse(text, defaultRegion);
            if (!PHONE.isPossibleNumber(parsed)) {
                throw new IllegalArgumentException("'" + text + "' cannot be a phone number");
            }
            return new PhoneNumber(PHONE.format(parsed, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a phone number: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return e164;
    }
}
