package org.smsoverxmpp.bridge.admin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.mapping.DynamoMappingStore;
import org.smsoverxmpp.bridge.mapping.Mapping;
import org.smsoverxmpp.bridge.mapping.MappingItem;
import org.smsoverxmpp.bridge.mapping.RepairOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Who sends and receives as which number. */
@Command(name = "mappings", mixinStandardHelpOptions = true, description = "Map XMPP accounts to phone numbers.",
        subcommands = {MappingsCommand.Put.class, MappingsCommand.Get.class, MappingsCommand.ListAll.class,
                MappingsCommand.Delete.class, MappingsCommand.Repair.class})
final class MappingsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every mappings command takes. */
    static class Common {
        @Mixin
        AwsOptions aws;

        @Spec
        CommandSpec spec;

        DynamoMappingStore store() {
            return new DynamoMappingStore(aws.dynamo(), aws.table, aws.numberIndex);
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "put", mixinStandardHelpOptions = true, description = {
            "Map a user's bare JID to a number.",
            "Example: mappings put alice@example.com \"(307) 555-1212\" --default-region US",
            "         mappings put bob@example.com +15550002222 --provider telnyx"})
    static final class Put extends Common implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "JID", description = "the user's bare JID, e.g. alice@example.com")
        String jid;

        @Parameters(index = "1", paramLabel = "NUMBER", description = "the user's number at the SMS provider, in any common format")
        String number;

        @Option(names = "--default-region", defaultValue = "${env:PHONE_DEFAULT_REGION:-US}",
                description = "country for numbers written without a country code (default: ${DEFAULT-VALUE})")
        String defaultRegion;

        @Option(names = "--replace", description = "replace the user's existing mapping")
        boolean replace;

        @Option(names = "--provider", paramLabel = "NAME", description = "the provider the number is with (twilio, "
                + "telnyx, signalwire); without it, the gateway's default (SMS_PROVIDER)")
        String provider;

        @Override
        public Integer call() {
            if (provider != null && !MappingItem.isProviderName(provider)) {
                throw new AdminException("'" + provider + "' is not a provider's name (2 to 16 lower-case letters and digits, such as telnyx)");
            }
            Mapping mapping = new Mapping(bareJid(jid), number(number, defaultRegion), java.util.Optional.ofNullable(provider));
            DynamoMappingStore store = store();
            if (replace) {
                store.put(mapping);
            } else if (!store.putIfAbsent(mapping)) {
                String existing = store.item(mapping.jid().toString())
                        .map(item -> item instanceof MappingItem.WellFormed well ? "to " + well.mapping().number()
                                : "by a malformed item: " + MappingLines.of(item))
                        .orElse("to a number");
                throw new AdminException(mapping.jid() + " is already mapped " + existing + "; add --replace to change it");
            }
            out().println(MappingLines.of(new MappingItem.WellFormed(mapping)));
            return 0;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = {"Show a user's number.",
            "Example: mappings get alice@example.com"})
    static final class Get extends Common implements Callable<Integer> {
        @Parameters(paramLabel = "JID")
        String jid;

        @Override
        public Integer call() {
            EntityBareJid user = bareJid(jid);
            MappingItem item = store().item(user.toString())
                    .orElseThrow(() -> new AdminException(user + " has no mapping"));
            out().println(MappingLines.of(item));
            return item instanceof MappingItem.WellFormed ? 0 : 1;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = {"List every item in the table, or the users of one number.",
            "Items not in the documented shape are shown as MALFORMED, with what is wrong: the bridge ignores them.",
            "Example: mappings list --number +15550001111"})
    static final class ListAll extends Common implements Callable<Integer> {
        @Option(names = "--number", description = "only the users of this number")
        String number;

        @Option(names = "--default-region", defaultValue = "${env:PHONE_DEFAULT_REGION:-US}")
        String defaultRegion;

        @Override
        public Integer call() {
            DynamoMappingStore store = store();
            if (number != null) {
                PhoneNumber phone = number(number, defaultRegion);
                store.itemsOf(phone).forEach(item -> out().println(MappingLines.of(item)));
            } else {
                store.items().forEach(item -> out().println(MappingLines.of(item)));
            }
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = {
            "Remove the item stored under KEY: a user's bare JID, or a malformed key exactly as 'mappings list' shows it.",
            "Example: mappings delete alice@example.com      mappings delete 'Bob@Example.com/phone'"})
    static final class Delete extends Common implements Callable<Integer> {
        @Parameters(paramLabel = "KEY")
        String key;

        @Override
        public Integer call() {
            DynamoMappingStore store = store();
            // The key as stored first, so a malformed one can go; then the JID it names, as typed by a person.
            String deleted = store.deleteIfPresent(key) ? key
                    : MappingItem.canonicalJid(key).map(EntityBareJid::toString)
                            .filter(canonical -> !canonical.equals(key) && store.deleteIfPresent(canonical))
                            .orElseThrow(() -> new AdminException("no item has the key '" + key + "' ('mappings list' shows them)"));
            out().println("deleted " + deleted);
            return 0;
        }
    }

    @Command(name = "repair", mixinStandardHelpOptions = true, description = {
            "Rewrite a malformed item in the documented shape: its key as a canonical bare JID, its number in E.164.",
            "Refused when that JID already has a mapping: delete the one you do not want instead.",
            "Example: mappings repair 'Alice@Example.COM'"})
    static final class Repair extends Common implements Callable<Integer> {
        @Parameters(paramLabel = "KEY", description = "the key exactly as 'mappings list' shows it")
        String key;

        @Option(names = "--default-region", defaultValue = "${env:PHONE_DEFAULT_REGION:-US}",
                description = "country for a number written without a country code (default: ${DEFAULT-VALUE})")
        String defaultRegion;

        @Override
        public Integer call() {
            RepairOutcome outcome = store().repair(key, defaultRegion);
            if (outcome instanceof RepairOutcome.Repaired repaired) {
                out().println("repaired '" + key + "': " + repaired.mapping().jid() + " -> " + repaired.mapping().number());
                return 0;
            }
            if (outcome instanceof RepairOutcome.AlreadyWellFormed well) {
                out().println(well.mapping().jid() + " -> " + well.mapping().number() + " (already well-formed)");
                return 0;
            }
            throw new AdminException(refusal(outcome));
        }

        private String refusal(RepairOutcome outcome) {
            if (outcome instanceof RepairOutcome.NoSuchItem) {
                return "no item has the key '" + key + "' ('mappings list' shows them)";
            }
            if (outcome instanceof RepairOutcome.Uncertain uncertain) {
                return "cannot tell what '" + key + "' should be (" + uncertain.item().problem() + "); delete it with "
                        + "'mappings delete' and add it again with 'mappings put'";
            }
            if (outcome instanceof RepairOutcome.Collides collides) {
                return "its canonical form collides with " + MappingLines.of(collides.existing()) + "; keep one: "
                        + "'mappings delete' the other";
            }
            return "'" + key + "' changed while it was being repaired; nothing was written, look again with 'mappings list'";
        }
    }

    static EntityBareJid bareJid(String text) {
        Jid jid;
        try {
            jid = JidCreate.from(text);
        } catch (XmppStringprepException e) {
            throw new AdminException("'" + text + "' is not a valid JID");
        }
        if (jid.hasResource() || jid.asEntityBareJidIfPossible() == null) {
            throw new AdminException("'" + text + "' is not a bare JID like alice@example.com (no /resource)");
        }
        return jid.asEntityBareJidIfPossible();
    }

    static PhoneNumber number(String text, String defaultRegion) {
        try {
            return PhoneNumber.parse(text, defaultRegion);
        } catch (IllegalArgumentException e) {
            throw new AdminException(e.getMessage());
        }
    }
}
