package org.smsoverxmpp.bridge.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The mappings table: key {@code jid} (bare JID), attribute {@code number} (E.164), and a global secondary
 * index on {@code number}. A malformed item is logged and skipped, never fatal.
 */
public class DynamoMappingStore implements Mappings {
    private static final Logger LOG = LoggerFactory.getLogger(DynamoMappingStore.class);
    public static final String JID = "jid";
    public static final String NUMBER = "number";

    private final DynamoDbClient dynamo;
    private final String table;
    private final String numberIndex;

    public DynamoMappingStore(DynamoDbClient dynamo, String table, String numberIndex) {
        this.dynamo = dynamo;
        this.table = table;
        this.numberIndex = numberIndex;
    }

    @Override
    public Optional<PhoneNumber> numberOf(EntityBareJid user) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Map.of(JID, AttributeValue.fromS(user.toString())))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return parse(item).map(Mapping::number);
    }

    @Override
    public List<EntityBareJid> usersOf(PhoneNumber number) {
        QueryRequest query = QueryRequest.builder().tableName(table).indexName(numberIndex)
                .keyConditionExpression("#n = :n")
                .expressionAttributeNames(Map.of("#n", NUMBER))
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromS(number.e164())))
                .build();
        List<EntityBareJid> users = new ArrayList<>();
        dynamo.queryPaginator(query).items().forEach(item -> parse(item).ifPresent(m -> users.add(m.jid())));
        return users;
    }

    /** @return false, changing nothing, when the user already has a mapping */
    public boolean putIfAbsent(Mapping mapping) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(item(mapping)).conditionExpression("attribute_not_exists(#j)")
                    .expressionAttributeNames(Map.of("#j", JID)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** @return false when there was no mapping to delete */
    public boolean deleteIfPresent(EntityBareJid user) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(Map.of(JID, AttributeValue.fromS(user.toString())))
                    .conditionExpression("attribute_exists(#j)").expressionAttributeNames(Map.of("#j", JID)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Every well-formed mapping, page by page: never the whole table in memory. */
    public Stream<Mapping> all() {
        return dynamo.scanPaginator(r -> r.tableName(table)).items().stream().map(DynamoMappingStore::parse)
                .flatMap(Optional::stream);
    }

    /** Counts items page by page, without loading them. */
    public long count() {
        return dynamo.scanPaginator(r -> r.tableName(table).select(Select.COUNT)).stream()
                .mapToLong(ScanResponse::count).sum();
    }

    private static Map<String, AttributeValue> item(Mapping mapping) {
        return Map.of(JID, AttributeValue.fromS(mapping.jid().toString()),
                NUMBER, AttributeValue.fromS(mapping.number().e164()));
    }

    public void put(Mapping mapping) {
        dynamo.putItem(r -> r.tableName(table).item(item(mapping)));
    }


    private static Optional<Mapping> parse(Map<String, AttributeValue> item) {
        AttributeValue jid = item.get(JID);
        AttributeValue number = item.get(NUMBER);
        try {
            if (jid == null || jid.s() == null || number == null || number.s() == null) {
                throw new IllegalArgumentException("needs string attributes '" + JID + "' and '" + NUMBER + "'");
            }
            return Optional.of(new Mapping(JidCreate.entityBareFrom(jid.s()), new PhoneNumber(number.s())));
        } catch (XmppStringprepException | IllegalArgumentException e) {
            LOG.warn("ignoring malformed mapping item {}: {}", jid == null ? "(no jid)" : jid.s(), e.getMessage());
            return Optional.empty();
        }
    }
}
