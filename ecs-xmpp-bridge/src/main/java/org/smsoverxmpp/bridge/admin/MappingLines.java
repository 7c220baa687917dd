package org.smsoverxmpp.bridge.admin;

import org.smsoverxmpp.bridge.mapping.MappingItem;

/**
 * How the CLI shows a stored mapping item: {@code jid -> number}, with {@code (provider)} when it names one, or what
 * is wrong with it.
 */
final class MappingLines {
    private MappingLines() {
    }

    static String of(MappingItem item) {
        if (item instanceof MappingItem.WellFormed well) {
            return well.mapping().jid() + " -> " + well.mapping().number()
                    + well.mapping().provider().map(p -> " (" + p + ")").orElse("");
        }
        MappingItem.Malformed bad = (MappingItem.Malformed) item;
        return "MALFORMED " + quoted(bad.key()) + " -> " + quoted(bad.number()) + ": " + bad.problem()
                + " (ignored by the bridge; 'mappings repair' or 'mappings delete' it)";
    }

    private static String quoted(String text) {
        return text == null ? "(missing)" : "'" + text + "'";
    }
}
