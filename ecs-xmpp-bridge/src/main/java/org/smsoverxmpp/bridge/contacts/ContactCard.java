package org.smsoverxmpp.bridge.contacts;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.jxmpp.jid.Jid;
import org.jxmpp.util.XmppStringUtils;
import org.smsoverxmpp.bridge.address.PhoneNumber;

/** XEP-0054 vCard of a phone contact: TEL with the E.164 number, FN as people write it (or the sender's name). */
public final class ContactCard {
    private static final PhoneNumberUtil PHONE = PhoneNumberUtil.getInstance();

    private ContactCard() {
    }

    public static VCard answer(VCard request) {
        Jid contact = request.getTo();
        String local = XmppStringUtils.unescapeLocalpart(String.valueOf(contact.getLocalpartOrNull()));
        VCard card = new VCard();
        if (PhoneNumber.isE164(local)) {
            card.setField("FN", national(local));
            card.setPhoneWork("VOICE", local);
        } else {
            String shortCode = local.split(";", 2)[0];
            card.setField("FN", shortCode);
            if (shortCode.chars().allMatch(Character::isDigit)) {
                card.setPhoneWork("VOICE", shortCode);
            }
        }
        card.setType(IQ.Type.result);
        card.setStanzaId(request.getStanzaId());
        card.setFrom(request.getTo());
        card.setTo(request.getFrom());
        return card;
    }

    /** +13075551212 → "(307) 555-1212" for North America, "020 7183 8750" for London... */
    static String national(String e164) {
        try {
            return PHONE.format(PHONE.parse(e164, null), PhoneNumberFormat.NATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }
}
