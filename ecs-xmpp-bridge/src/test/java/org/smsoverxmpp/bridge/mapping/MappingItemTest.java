package org.smsoverxmpp.bridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.xmpp.HostileText;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The one rule for a stored mapping item, as hand-written items test it. */
class MappingItemTest {

    static Map<String, AttributeValue> item(String jid, String number) {
        Map<String, AttributeValue> item = new HashMap<>();
        if (jid != null) {
            item.put(MappingItem.JID, AttributeValue.fromS(jid));
        }
        if (number != null) {
            item.put(MappingItem.NUMBER, AttributeValue.fromS(number));
        }
        return item;
    }

    static Mapping mapping(String jid, String number) {
        return new Mapping(JidCreate.entityBareFromOrThrowUnchecked(jid), new PhoneNumber(number));
    }

    @Test
    void anItemInTheDocumentedShapeIsTheMappingItNames() {
        MappingItem read = MappingItem.read(item("alice@example.com", "+15550001111"));

        assertThat(read).isEqualTo(new MappingItem.WellFormed(mapping("alice@example.com", "+15550001111")));
        assertThat(read.key()).isEqualTo("alice@example.com");
    }

    @Test
    void aKeyInAnotherCaseIsMalformedAndRepairsToItsCanonicalForm() {
        MappingItem read = MappingItem.read(item("Alice@EXAMPLE.com", "+15550005555"));

        assertThat(read).isInstanceOf(MappingItem.Malformed.class);
        assertThat(((MappingItem.Malformed) read).problem()).contains("canonical", "alice@example.com");
        assertThat(((MappingItem.Malformed) read).canonical("US")).contains(mapping("alice@example.com", "+15550005555"));
    }

    @Test
    void aKeyWithAResourceIsMalformedNotReadAsTheBareJid() {
        MappingItem read = MappingItem.read(item("bob@example.com/phone", "+15550002222"));

        assertThat(read).isInstanceOf(MappingItem.Malformed.class);
        assertThat(read.key()).isEqualTo("bob@example.com/phone");
        assertThat(((MappingItem.Malformed) read).canonical("US")).contains(mapping("bob@example.com", "+15550002222"));
    }

    @Test
    void aNumberNotInE164IsMalformedAndRepairsWithTheDefaultRegion() {
        MappingItem.Malformed read = (MappingItem.Malformed) MappingItem.read(item("carol@example.com", "(307) 555-1212"));

        assertThat(read.problem()).contains("E.164");
        assertThat(read.canonical("US")).contains(mapping("carol@example.com", "+13075551212"));
    }

    @Test
    void whatNamesNoJidOrNoNumberHasNoCanonicalForm() {
        for (Map<String, AttributeValue> bad : java.util.List.of(item("not a jid@@", "+15550001111"),
                item("example.com", "+15550001111"), item("dave@example.com ", "+15550001111"),
                item("dave@example.com", "call me"), item("dave@example.com", null), item(null, "+15550001111"))) {
            MappingItem read = MappingItem.read(bad);
            assertThat(read).as(bad.toString()).isInstanceOf(MappingItem.Malformed.class);
            assertThat(((MappingItem.Malformed) read).canonical("US")).as(bad.toString()).isEmpty();
        }
    }

    @Test
    void aNumberStoredAsANumberAttributeIsMalformed() {
        Map<String, AttributeValue> item = item("erin@example.com", null);
        item.put(MappingItem.NUMBER, AttributeValue.fromN("15550001111"));

        assertThat(MappingItem.read(item)).isInstanceOf(MappingItem.Malformed.class);
    }

    @Property(tries = 2000)
    void anyItemIsReadWithoutThrowingAndOnlyTheCanonicalShapeIsWellFormed(
            @ForAll("hostile") String jid, @ForAll("hostile") String number) {
        MappingItem read = MappingItem.read(item(jid, number));

        if (read instanceof MappingItem.WellFormed well) {
            assertThat(MappingItem.of(well.mapping())).isEqualTo(item(jid, number));
        } else {
            ((MappingItem.Malformed) read).canonical("US").ifPresent(canonical ->
                    assertThat(MappingItem.read(MappingItem.of(canonical))).isEqualTo(new MappingItem.WellFormed(canonical)));
        }
    }

    @Property(tries = 500)
    void whatTheStoreWritesIsReadBackAsItself(@ForAll("localparts") String local) {
        org.jxmpp.jid.EntityBareJid jid = JidCreate.entityBareFromOrThrowUnchecked(local + "@example.com");
        Mapping mapping = new Mapping(jid, new PhoneNumber("+15550001111"));

        assertThat(MappingItem.read(MappingItem.of(mapping))).isEqualTo(new MappingItem.WellFormed(mapping));
    }

    @Provide
    Arbitrary<String> hostile() {
        return net.jqwik.api.Arbitraries.oneOf(HostileText.strings(6),
                net.jqwik.api.Arbitraries.of("alice@example.com", "Alice@Example.com", "bob@example.com/phone",
                        "+15550001111", "+1 555 000 1111", "15550001111", "72345", "AMAZON"));
    }

    @Provide
    Arbitrary<String> localparts() {
        return net.jqwik.api.Arbitraries.strings().alpha().numeric().withChars("._-").ofMinLength(1).ofMaxLength(20);
    }

    @Test
    void aNamedProviderIsReadAndWrittenBack() {
        Map<String, AttributeValue> stored = item("tess@example.com", "+15550002222");
        stored.put(MappingItem.PROVIDER, AttributeValue.fromS("telnyx"));

        Mapping expected = new Mapping(JidCreate.entityBareFromOrThrowUnchecked("tess@example.com"),
                new PhoneNumber("+15550002222"), java.util.Optional.of("telnyx"));
        assertThat(MappingItem.read(stored)).isEqualTo(new MappingItem.WellFormed(expected));
        assertThat(MappingItem.of(expected)).isEqualTo(stored);
        assertThat(MappingItem.of(mapping("alice@example.com", "+15550001111"))).doesNotContainKey(MappingItem.PROVIDER);
    }

    /** Sending through another provider than the one named would send from the wrong account: not guessed at. */
    @Test
    void aProviderThatIsNoNameIsMalformedAndNotRepairedAway() {
        Map<String, AttributeValue> stored = item("tess@example.com", "+15550002222");
        stored.put(MappingItem.PROVIDER, AttributeValue.fromS("Telnyx "));

        MappingItem read = MappingItem.read(stored);

        assertThat(read).isInstanceOfSatisfying(MappingItem.Malformed.class, bad -> {
            assertThat(bad.problem()).contains("provider");
            assertThat(bad.canonical("US")).isEmpty();
        });
        stored.put(MappingItem.PROVIDER, AttributeValue.fromN("1"));
        assertThat(MappingItem.read(stored)).isInstanceOf(MappingItem.Malformed.class);
    }

    @Test
    void aMalformedKeyRepairsWithItsProviderKept() {
        Map<String, AttributeValue> stored = item("Tess@Example.com", "+15550002222");
        stored.put(MappingItem.PROVIDER, AttributeValue.fromS("telnyx"));

        assertThat(((MappingItem.Malformed) MappingItem.read(stored)).canonical("US")).hasValueSatisfying(
                m -> assertThat(m.provider()).contains("telnyx"));
    }
}
