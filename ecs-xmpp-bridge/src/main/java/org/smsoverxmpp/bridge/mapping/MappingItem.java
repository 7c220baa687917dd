package org.smsoverxmpp.bridge.mapping;

import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item of the mappings table as it is stored, read by the one rule that both lookups (by user and by number)
 * and the admin CLI use. Items may be written by hand, so the rule is strict: the key {@value #JID} is a bare JID
 * already in the canonical form the bridge reads JIDs in (lower-case localpart and domain, as jxmpp's stringprep
 * gives them; no resource, no spaces), and {@value #NUMBER} is E.164. Anything else is {@link Malformed}: the
 * bridge ignores it whole rather than half-using it (an SMS to its number reaching one account while replies
 * leave from another), and the CLI shows it and can repair or delete it by its key as stored.
 */
public sealed interface MappingItem {
    String JID = "jid";
    String NUMBER = "number";

    /** The key exactly as stored (null when the item has none, which DynamoDB does not allow). */
    String key();

    /** Exactly the documented shape. */
    record WellFormed(Mapping mapping) implements MappingItem {
        @Override
        public String key() {
            return mapping.jid().toString();
        }
    }

    /**
     * Anything else, with what is wrong; its attributes as stored (null when missing or not strings).
     */
    record Malformed(String key, String number, String problem) implements MappingItem {
        /**
         * What the item would be in canonical form, if that is certain: the JID's canonical bare form (a resource
         * dropped, case folded), and a number libphonenumber reads, with {@code defaultRegion} for one written
         * without its country code.
         */
        public Optional<Mapping> canonical(String defaultRegion) {
            Optional<EntityBareJid> jid = canonicalJid(key);
            if (jid.isEmpty() || number == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Mapping(jid.get(), PhoneNumber.parse(number, defaultRegion)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** Reads a stored item by the rule above; never throws. */
    static MappingItem read(Map<String, AttributeValue> item) {
        String key = text(item.get(JID));
        String number = text(item.get(NUMBER));
        if (key == null || number == null) {
            return new Malformed(key, number, "needs the string attributes '" + JID + "' and '" + NUMBER + "'");
        }
        Optional<EntityBareJid> jid = canonicalJid(key);
        if (jid.isEmpty()) {
            return new Malformed(key, number, "the key is not a bare JID");
        }
        if (!jid.get().toString().equals(key)) {
            return new Malformed(key, number, "the key is not in canonical form (it reads as " + jid.get() + ")");
        }
        if (!PhoneNumber.isE164(number)) {
            return new Malformed(key, number, "the number is not E.164 (+ and up to 15 digits, e.g. +15551234567)");
        }
        return new WellFormed(new Mapping(jid.get(), new PhoneNumber(number)));
    }

    /** The item that stores {@code mapping}: the only shape the table is written in. */
    static Map<String, AttributeValue> of(Mapping mapping) {
        return Map.of(JID, AttributeValue.fromS(mapping.jid().toString()), NUMBER, AttributeValue.fromS(mapping.number().e164()));
    }

    /**
     * The bare JID {@code text} names, as the bridge reads JIDs: a resource is dropped and case folded. Text with
     * whitespace or control characters names none, though jxmpp would keep some of them in a domain.
     */
    static Optional<EntityBareJid> canonicalJid(String text) {
        if (text == null || text.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || Character.isSpaceChar(c))) {
            return Optional.empty();
        }
        try {
            Jid jid = JidCreate.from(text);
            return Optional.ofNullable(jid.asEntityBareJidIfPossible());
        } catch (XmppStringprepException e) {
            return Optional.empty();
        }
    }

    private static String text(AttributeValue value) {
        return value == null ? null : value.s();
    }
}
