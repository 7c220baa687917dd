package org.smsoverxmpp.bridge.mapping;

import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.events.ProviderName;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item of the mappings table as it is stored, read by the one rule that both lookups (by user and by number)
 * and the admin CLI use. Items may be written by hand, so the rule is strict: the key {@value #JID} is a bare JID
 * already in the canonical form the bridge reads JIDs in (lower-case localpart and domain, as jxmpp's stringprep
 * gives them; no resource, no spaces), {@value #NUMBER} is E.164, and {@value #PROVIDER}, if there, is a provider's
 * name. Anything else is {@link Malformed}: the bridge ignores it whole rather than half-using it (an SMS to its number reaching one account while replies
 * leave from another), and the CLI shows it and can repair or delete it by its key as stored.
 */
public sealed interface MappingItem {
    String JID = "jid";
    String NUMBER = "number";
    /** Optional: the provider's name ({@code telnyx}); absent, the deployment's default provider. */
    String PROVIDER = "provider";

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
    record Malformed(String key, String number, String provider, String problem) implements MappingItem {
        /**
         * What the item would be in canonical form, if that is certain: the JID's canonical bare form (a resource
         * dropped, case folded), and a number libphonenumber reads, with {@code defaultRegion} for one written
         * without its country code.
         */
        public Optional<Mapping> canonical(String defaultRegion) {
            Optional<EntityBareJid> jid = canonicalJid(key);
            // A provider that is not a name cannot be guessed at: sending through another would change the sender.
            if (jid.isEmpty() || number == null || (provider != null && !isProviderName(provider))) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Mapping(jid.get(), PhoneNumber.parse(number, defaultRegion), Optional.ofNullable(provider)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** Reads a stored item by the rule above; never throws. */
    static MappingItem read(Map<String, AttributeValue> item) {
        String key = text(item.get(JID));
        String number = text(item.get(NUMBER));
        AttributeValue providerValue = item.get(PROVIDER);
        // Not a string (a number, a list) is not a name either: "" says so without passing for one.
        String provider = providerValue == null ? null : providerValue.s() == null ? "" : providerValue.s();
        if (key == null || number == null) {
            return new Malformed(key, number, provider, "needs the string attributes '" + JID + "' and '" + NUMBER + "'");
        }
        Optional<EntityBareJid> jid = canonicalJid(key);
        if (jid.isEmpty()) {
            return new Malformed(key, number, provider, "the key is not a bare JID");
        }
        if (!jid.get().toString().equals(key)) {
            return new Malformed(key, number, provider, "the key is not in canonical form (it reads as " + jid.get() + ")");
        }
        if (!PhoneNumber.isE164(number)) {
            return new Malformed(key, number, provider, "the number is not E.164 (+ and up to 15 digits, e.g. +15551234567)");
        }
        if (provider != null && !isProviderName(provider)) {
            // Sending through a provider it does not name would send from the wrong account, or not at all.
            return new Malformed(key, number, provider, "the provider is not a provider's name "
                    + "(a string of 2 to 16 lower-case letters and digits, such as telnyx)");
        }
        return new WellFormed(new Mapping(jid.get(), new PhoneNumber(number), Optional.ofNullable(provider)));
    }

    /** The item that stores {@code mapping}: the only shape the table is written in. */
    static Map<String, AttributeValue> of(Mapping mapping) {
        Map<String, AttributeValue> item = new java.util.HashMap<>();
        item.put(JID, AttributeValue.fromS(mapping.jid().toString()));
        item.put(NUMBER, AttributeValue.fromS(mapping.number().e164()));
        mapping.provider().ifPresent(p -> item.put(PROVIDER, AttributeValue.fromS(p)));
        return Map.copyOf(item);
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

    static boolean isProviderName(String text) {
        try {
            ProviderName.check(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(AttributeValue value) {
        return value == null ? null : value.s();
    }
}
