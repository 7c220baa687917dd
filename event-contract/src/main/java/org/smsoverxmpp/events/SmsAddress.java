package org.smsoverxmpp.events;

/**
 * An address an SMS can come from or go to, of the three kinds the gateway can deliver: each kind gives
 * its sender one stable JID. The webhook refuses anything else before it is queued, and the bridge maps
 * these same kinds onto JIDs, so the two always agree on what can be delivered.
 *
 * <ul>
 *   <li>{@link Phone}: E.164, {@code +} then 2 to 15 ASCII digits, the first of them 1-9 ({@code +15551234567}).</li>
 *   <li>{@link ShortCode}: 3 to 8 ASCII digits and nothing else ({@code 72345}).</li>
 *   <li>{@link AlphanumericSender}: 1 to 11 characters, each an ASCII letter, an ASCII digit, a space or one
 *       of {@code - _ . &}; at least one letter; no space first or last ({@code AMAZON}, {@code My Shop}).</li>
 * </ul>
 *
 * <p>The kinds never overlap: only a phone number starts with {@code +}, only a short code is all digits.
 */
public sealed interface SmsAddress extends ParsedAddress
        permits SmsAddress.Phone, SmsAddress.ShortCode, SmsAddress.AlphanumericSender {

    /** The address exactly as Twilio writes it in {@code From} and {@code To}. */
    String text();

    /**
     * Which kind of address {@code text} is, or why it is none; never throws. The text is taken as it is:
     * nothing is trimmed or normalised (a typed number is normalised elsewhere, before it becomes an SMS).
     */
    static ParsedAddress parse(String text) {
        if (text == null) {
            return new Invalid("is missing");
        }
        if (text.isEmpty()) {
            return new Invalid("is empty");
        }
        String problem;
        if (text.charAt(0) == '+') {
            problem = AddressRules.phoneProblem(text);
            return problem == null ? new Phone(text) : new Invalid(problem);
        }
        if (AddressRules.isAsciiDigits(text)) {
            problem = AddressRules.shortCodeProblem(text);
            return problem == null ? new ShortCode(text) : new Invalid(problem);
        }
        problem = AddressRules.senderProblem(text);
        return problem == null ? new AlphanumericSender(text) : new Invalid(problem);
    }

    /** A phone number in E.164 form, e.g. {@code +15551234567}: the only kind an SMS can be sent to from XMPP. */
    record Phone(String e164) implements SmsAddress {
        public Phone {
            AddressRules.require(e164, AddressRules.phoneProblem(e164));
        }

        @Override
        public String text() {
            return e164;
        }
    }

    /** A short code, e.g. {@code 72345}: businesses and carriers send from these, and can be answered. */
    record ShortCode(String digits) implements SmsAddress {
        public ShortCode {
            AddressRules.require(digits, AddressRules.isAsciiDigits(digits)
                    ? AddressRules.shortCodeProblem(digits) : "is not digits only");
        }

        @Override
        public String text() {
            return digits;
        }
    }

    /** An alphanumeric sender ID, e.g. {@code AMAZON}: it can send to you, but nothing can be sent to it. */
    record AlphanumericSender(String name) implements SmsAddress {
        public AlphanumericSender {
            AddressRules.require(name, AddressRules.senderProblem(name));
        }

        @Override
        public String text() {
            return name;
        }
    }
}
