package org.smsoverxmpp.bridge.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jxmpp.jid.EntityBareJid;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The mappings table: key {@code jid} (bare JID), attributes {@code number} (E.164) and, optionally,
 * {@code provider} (the provider's name; absent for the default), and a global secondary
 * index on {@code number}. Every item is read by {@link MappingItem#read}: a malformed one is ignored by both
 * lookups, logged once, never fatal, and is listed, repaired or deleted by the CLI through the same store.
 */
public class DynamoMappingStore implements Mappings {
    public static final String JID = MappingItem.JID;
    public static final String NUMBER = MappingItem.NUMBER;

    private final DynamoDbClient dynamo;
    private final String table;
    private final String numberIndex;
    private final MalformedItems malformed = new MalformedItems();

    public DynamoMappingStore(DynamoDbClient dynamo, String table, String numberIndex) {
        this.dynamo = dynamo;
        this.table = table;
        this.numberIndex = numberIndex;
    }

    @Override
    public Optional<Mapping> mappingOf(EntityBareJid user) {
        return item(user.toString()).flatMap(this::wellFormed);
    }

    @Override
    public List<EntityBareJid> usersOf(PhoneNumber number) {
        List<EntityBareJid> users = new ArrayList<>();
        itemsOf(number).forEach(item -> wellFormed(item).ifPresent(m -> users.add(m.jid())));
        return users;
    }

    /** The item stored under exactly this key, as it is. */
    public Optional<MappingItem> item(String key) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Map.of(JID, AttributeValue.fromS(key)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(MappingItem.read(item));
    }

    /** Every item whose number attribute is exactly {@code number}'s E.164, well-formed or not. */
    public List<MappingItem> itemsOf(PhoneNumber number) {
        QueryRequest query = QueryRequest.builder().tableName(table).indexName(numberIndex)
                .keyConditionExpression("#n = :n")
                .expressionAttributeNames(Map.of("#n", NUMBER))
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromS(number.e164())))
                .build();
        List<MappingItem> items = new ArrayList<>();
        dynamo.queryPaginator(query).items().forEach(item -> items.add(MappingItem.read(item)));
        return items;
    }

    /** Every item in the table, page by page: never the whole table in memory. */
    public Stream<MappingItem> items() {
        return dynamo.scanPaginator(r -> r.tableName(table)).items().stream().map(MappingItem::read);
    }

    /** @return false, changing nothing, when the user already has a mapping */
    public boolean putIfAbsent(Mapping mapping) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(MappingItem.of(mapping)).conditionExpression("attribute_not_exists(#j)")
                    .expressionAttributeNames(Map.of("#j", JID)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    public void put(Mapping mapping) {
        dynamo.putItem(r -> r.tableName(table).item(MappingItem.of(mapping)));
    }

    /** @return false when no item has exactly this key */
    public boolean deleteIfPresent(String key) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(Map.of(JID, AttributeValue.fromS(key)))
                    .conditionExpression("attribute_exists(#j)").expressionAttributeNames(Map.of("#j", JID)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Rewrites the item stored under {@code key} in canonical form, in one transaction: the canonical item is
     * written only if its key is free (or is this item's own) and the old one is removed only if unchanged.
     */
    public RepairOutcome repair(String key, String defaultRegion) {
        Optional<MappingItem> stored = item(key);
        if (stored.isEmpty()) {
            return new RepairOutcome.NoSuchItem(key);
        }
        if (stored.get() instanceof MappingItem.WellFormed well) {
            return new RepairOutcome.AlreadyWellFormed(well.mapping());
        }
        MappingItem.Malformed item = (MappingItem.Malformed) stored.get();
        Optional<Mapping> canonical = item.canonical(defaultRegion);
        if (canonical.isEmpty()) {
            return new RepairOutcome.Uncertain(item);
        }
        Mapping mapping = canonical.get();
        String newKey = mapping.jid().toString();
        Map<String, AttributeValue> unchanged = Map.of(":old", AttributeValue.fromS(item.number()));
        List<TransactWriteItem> writes = new ArrayList<>();
        if (newKey.equals(key)) {
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(MappingItem.of(mapping))
                    .conditionExpression("#n = :old").expressionAttributeNames(Map.of("#n", NUMBER))
                    .expressionAttributeValues(unchanged)).build());
        } else {
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(MappingItem.of(mapping))
                    .conditionExpression("attribute_not_exists(#j)").expressionAttributeNames(Map.of("#j", JID))).build());
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(Map.of(JID, AttributeValue.fromS(key)))
                    .conditionExpression("#n = :old").expressionAttributeNames(Map.of("#n", NUMBER))
                    .expressionAttributeValues(unchanged)).build());
        }
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
            return new RepairOutcome.Repaired(key, mapping);
        } catch (TransactionCanceledException e) {
            if (!newKey.equals(key)) {
                Optional<MappingItem> existing = item(newKey);
                if (existing.isPresent()) {
                    return new RepairOutcome.Collides(item, existing.get());
                }
            }
            return new RepairOutcome.ChangedMeanwhile(key);
        }
    }

    /** Counts items page by page, without loading them. */
    public long count() {
        return dynamo.scanPaginator(r -> r.tableName(table).select(Select.COUNT)).stream()
                .mapToLong(ScanResponse::count).sum();
    }

    private Optional<Mapping> wellFormed(MappingItem item) {
        if (item instanceof MappingItem.WellFormed well) {
            return Optional.of(well.mapping());
        }
        malformed.ignore((MappingItem.Malformed) item);
        return Optional.empty();
    }
}
