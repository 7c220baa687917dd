package org.smsoverxmpp.bridge.address;

import java.util.regex.Pattern;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.jxmpp.util.XmppStringUtils;

/**
 * The one place where SMS addresses and JIDs of the component domain map onto each other: a number is
 * {@code +E164@domain}, a short code {@code 12345;phone-context=ca-us.phone-context.soprani.ca@domain} (the form
 * other SMS gateways use; plain {@code 12345@domain} is accepted too), a named sender its escaped name.
 */
public final class PhoneJids {
    /** US/CA short codes are 5-6 digits; some countries use 3-8. */
    private static final Pattern SHORT_CODE = Pattern.compile("[0-9]{3,8}");
    static final String SHORT_CODE_CONTEXT = ";phone-context=ca-us.phone-context.soprani.ca";

    private final DomainBareJid domain;

    public PhoneJids(DomainBareJid domain) {
        this.domain = domain;
    }

    public DomainBareJid domain() {
        return domain;
    }

    /** Whether an SMS sender is an alphanumeric sender ID rather than a number or short code. */
    public static boolean isAlphanumericSender(String smsAddress) {
        return !PhoneNumber.isE164(smsAddress) && !SHORT_CODE.matcher(smsAddress).matches();
    }

    /** The JID an SMS sender appears as: E.164, a short code, or an escaped alphanumeric sender ID. */
    public EntityBareJid jidOf(String smsAddress) {
        String local;
        if (PhoneNumber.isE164(smsAddress)) {
            local = smsAddress;
        } else if (SHORT_CODE.matcher(smsAddress).matches()) {
            local = smsAddress + SHORT_CODE_CONTEXT;
        } else {
            local = XmppStringUtils.escapeLocalpart(smsAddress);
        }
        try {
            return JidCreate.entityBareFrom(local + "@" + domain);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            // Said without the address itself: it came from outside and may be anything, of any length.
            throw new IllegalArgumentException("its sender address (" + smsAddress.length() + " characters) cannot be a JID");
        }
    }

    /** The number a message to {@code to} is meant for. */
    public Recipient recipientOf(Jid to) {
        if (to == null || !to.asDomainBareJid().equals(domain)) {
            return new Recipient.NotAPhone("not an address of " + domain);
        }
        if (to.getLocalpartOrNull() == null) {
            return new Recipient.NotAPhone("write to +<number>@" + domain + ", e.g. +15551234567@" + domain);
        }
        String local = XmppStringUtils.unescapeLocalpart(to.getLocalpartOrNull().toString());
        if (PhoneNumber.isE164(local)) {
            return new Recipient.Phone(new PhoneNumber(local));
        }
        String code = local.endsWith(SHORT_CODE_CONTEXT) ? local.substring(0, local.length() - SHORT_CODE_CONTEXT.length()) : local;
        if (SHORT_CODE.matcher(code).matches() && code.length() <= 6) {
            return new Recipient.ShortCode(code);
        }
        if (local.chars().anyMatch(Character::isLetter)) {
            return new Recipient.Name(local);
        }
        return new Recipient.NotAPhone("'" + local
                + "' is not a phone number in international format; write to +<country code><number>@" + domain);
    }

    /** Where a message to the component goes. */
    public sealed interface Recipient {
        record Phone(PhoneNumber number) implements Recipient {
        }

        /** A US/CA short code, as {@code 12345} or {@code 12345;phone-context=ca-us.phone-context.soprani.ca}. */
        record ShortCode(String code) implements Recipient {
        }

        /** An alphanumeric sender ID ("AMAZON"): it can send to you, but nothing can be sent to it. */
        record Name(String name) implements Recipient {
        }

        record NotAPhone(String reason) implements Recipient {
        }
    }
}
