package org.smsoverxmpp.bridge.mapping;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each malformed mapping item once, however often a lookup meets it: the cache re-reads busy mappings every
 * half minute, and an operator needs one line per item to fix, not a line per SMS. A changed item is a new one.
 */
final class MalformedItems {
    private static final Logger LOG = LoggerFactory.getLogger(MalformedItems.class);
    /** Beyond this many the table is mostly malformed; later ones are still ignored, and logged each time. */
    private static final int REMEMBERED = 10_000;

    private final Set<MappingItem.Malformed> logged = ConcurrentHashMap.newKeySet();

    void ignore(MappingItem.Malformed item) {
        if (logged.size() >= REMEMBERED || logged.add(item)) {
            LOG.warn("ignoring malformed mapping item {} -> {}: {}; see it with 'mappings list', fix it with "
                    + "'mappings repair' or 'mappings delete'", quoted(item.key()), quoted(item.number()), item.problem());
        }
    }

    private static String quoted(String text) {
        return text == null ? "(missing)" : "'" + text + "'";
    }
}
