package org.smsoverxmpp.bridge.mapping;

/** What {@link DynamoMappingStore#repair} did with an item. */
public sealed interface RepairOutcome {
    /** Rewritten in canonical form, under its canonical key. */
    record Repaired(String key, Mapping mapping) implements RepairOutcome {
    }

    record NoSuchItem(String key) implements RepairOutcome {
    }

    /** Already as documented: nothing to do. */
    record AlreadyWellFormed(Mapping mapping) implements RepairOutcome {
    }

    /** Its canonical form is not certain (no JID in the key, no number libphonenumber reads): delete it instead. */
    record Uncertain(MappingItem.Malformed item) implements RepairOutcome {
    }

    /** The canonical key already holds a mapping: the operator chooses which of the two to keep. */
    record Collides(MappingItem.Malformed item, MappingItem existing) implements RepairOutcome {
    }

    /** The item changed while it was being repaired: nothing was written. */
    record ChangedMeanwhile(String key) implements RepairOutcome {
    }
}
