package org.smsoverxmpp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.mapping.CachedMappings;
import org.smsoverxmpp.bridge.mapping.DynamoMappingStore;
import org.smsoverxmpp.bridge.mapping.Mapping;
import org.smsoverxmpp.bridge.mapping.MappingItem;
import org.smsoverxmpp.local.LocalAws;
import org.smsoverxmpp.e2e.harness.EmulatedAws;
import org.smsoverxmpp.e2e.harness.XmppUser;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The mappings table in the AWS emulator: lookups both ways, shared numbers, malformed items. */
class MappingStoreTest {
    static EmulatedAws emulated;
    static LocalAws aws;
    static DynamoMappingStore store;

    @BeforeAll
    static void start() {
        emulated = EmulatedAws.start();
        aws = emulated.aws;
        store = new DynamoMappingStore(aws.dynamo, aws.table, aws.numberIndex);
    }

    @AfterAll
    static void stop() {
        emulated.close();
    }

    static EntityBareJid jid(String text) {
        return XmppUser.jid(text);
    }

    @Test
    void userFindsTheirNumberAndTheNumberFindsEveryUser() {
        PhoneNumber shared = new PhoneNumber("+15550003333");
        store.put(new Mapping(jid("carol@example.com"), shared));
        store.put(new Mapping(jid("dave@example.com"), shared));

        assertThat(store.numberOf(jid("carol@example.com"))).contains(shared);
        assertThat(store.usersOf(shared)).extracting(Object::toString)
                .containsExactlyInAnyOrder("carol@example.com", "dave@example.com");
        assertThat(store.numberOf(jid("nobody@example.com"))).isEmpty();
    }

    @Test
    void malformedItemsAreSkippedNotFatal() {
        PhoneNumber number = new PhoneNumber("+15550004444");
        store.put(new Mapping(jid("erin@example.com"), number));
        handWritten("not a jid@@", number.e164());
        handWritten("frank@example.com", "555-0000");

        assertThat(store.usersOf(number)).extracting(Object::toString).containsExactly("erin@example.com");
        assertThat(store.numberOf(jid("frank@example.com"))).isEmpty();
    }

    @Test
    void aKeyInAnotherCaseIsIgnoredByBothLookupsSoRepliesNeverLeaveFromAnotherNumber() {
        PhoneNumber own = new PhoneNumber("+15550007777");
        PhoneNumber handWritten = new PhoneNumber("+15550008888");
        store.put(new Mapping(jid("hana@example.com"), own));
        handWritten("Hana@EXAMPLE.com", handWritten.e164());

        assertThat(store.usersOf(handWritten)).as("an SMS to the hand-written number reaches nobody").isEmpty();
        assertThat(store.numberOf(jid("hana@example.com"))).contains(own);
        assertThat(store.itemsOf(handWritten)).singleElement().isInstanceOf(MappingItem.Malformed.class);
    }

    @Test
    void aKeyWithAResourceIsNotReadAsTheBareJid() {
        PhoneNumber number = new PhoneNumber("+15550009999");
        handWritten("ivan@example.com/phone", number.e164());

        assertThat(store.numberOf(jid("ivan@example.com"))).isEmpty();
        assertThat(store.usersOf(number)).isEmpty();
        assertThat(store.item("ivan@example.com/phone")).get().isInstanceOf(MappingItem.Malformed.class);
    }

    static void handWritten(String key, String number) {
        aws.dynamo.putItem(r -> r.tableName(aws.table).item(Map.of(
                "jid", AttributeValue.fromS(key), "number", AttributeValue.fromS(number))));
    }

    @Test
    void cacheServesRepeatsAndSeesChangesAfterItsTtl() throws Exception {
        CachedMappings cached = new CachedMappings(store, Duration.ofMillis(300), 100);
        store.put(new Mapping(jid("gina@example.com"), new PhoneNumber("+15550005555")));
        assertThat(cached.numberOf(jid("gina@example.com"))).contains(new PhoneNumber("+15550005555"));

        store.put(new Mapping(jid("gina@example.com"), new PhoneNumber("+15550006666")));
        assertThat(cached.numberOf(jid("gina@example.com"))).contains(new PhoneNumber("+15550005555"));

        Thread.sleep(400);
        assertThat(cached.numberOf(jid("gina@example.com"))).contains(new PhoneNumber("+15550006666"));
    }
}
