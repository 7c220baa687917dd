package org.smsoverxmpp.bridge.address;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.regex.Pattern;

/** A phone number in E.164 form ({@code +15551234567}); it cannot hold anything else. */
public record PhoneNumber(String e164) {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final PhoneNumberUtil PHONE = PhoneNumberUtil.getInstance();

    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 number: '" + e164 + "' (expected + and up to 15 digits)");
        }
    }

    public static boolean isE164(String text) {
        return text != null && E164.matcher(text).matches();
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
