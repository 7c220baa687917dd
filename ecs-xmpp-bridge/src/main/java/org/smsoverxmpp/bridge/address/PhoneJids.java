package org.smsoverxmpp.bridge.address;

import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.jxmpp.util.XmppStringUtils;
import org.smsoverxmpp.events.ParsedAddress;
import org.smsoverxmpp.events.SmsAddress;

/**
 * The one place where SMS addresses and JIDs of the component domain map onto each other: a number is
 * {@code +E164@domain}, a short code {@code 12345;phone-context=ca-us.phone-context.soprani.ca@domain} (the form
 * other SMS gateways use; plain {@code 12345@domain} is accepted too), a named sender its escaped name.
 */
public final class PhoneJids {
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
        return SmsAddress.parse(smsAddress) instanceof SmsAddress.AlphanumericSender;
    }

    /**
     * The JID an SMS sender appears as: E.164, a short code, or an escaped alphanumeric sender ID. What those
     * are is decided in one place shared with the webhook ({@link SmsAddress}), which refuses anything else.
     *
     * @throws IllegalArgumentException for anything else, saying why without quoting it
     */
    public EntityBareJid jidOf(String smsAddress) {
        ParsedAddress parsed = SmsAddress.parse(smsAddress);
        String local;
        if (parsed instanceof SmsAddress.Phone phone) {
            local = phone.e164();
        } else if (parsed instanceof SmsAddress.ShortCode code) {
            local = code.digits() + SHORT_CODE_CONTEXT;
        } else if (parsed instanceof SmsAddress.AlphanumericSender sender) {
            local = XmppStringUtils.escapeLocalpart(sender.name());
        } else {
            throw new IllegalArgumentException("its sender address " + ((ParsedAddress.Invalid) parsed).reason());
        }
        try {
            return JidCreate.entityBareFrom(local + "@" + domain);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new IllegalArgumentException("its sender address cannot be a JID of " + domain);
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
        if (SmsAddress.parse(code) instanceof SmsAddress.ShortCode shortCode) {
            return new Recipient.ShortCode(shortCode.digits());
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

        /** A short code, as {@code 12345} or {@code 12345;phone-context=ca-us.phone-context.soprani.ca}. */
        record ShortCode(String code) implements Recipient {
        }

        /** An alphanumeric sender ID ("AMAZON"): it can send to you, but nothing can be sent to it. */
        record Name(String name) implements Recipient {
        }

        record NotAPhone(String reason) implements Recipient {
        }
    }
}
