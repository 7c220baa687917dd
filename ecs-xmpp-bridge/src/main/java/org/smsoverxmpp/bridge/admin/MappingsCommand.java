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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Who sends and receives as which number. */
@Command(name = "mappings", mixinStandardHelpOptions = true, description = "Map XMPP accounts to phone numbers.",
        subcommands = {MappingsCommand.Put.class, MappingsCommand.Get.class, MappingsCommand.ListAll.class,
                MappingsCommand.Delete.class})
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
            "Example: mappings put alice@example.com \"(307) 555-1212\" --default-region US"})
    static final class Put extends Common implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "JID", description = "the user's bare JID, e.g. alice@example.com")
        String jid;

        @Parameters(index = "1", paramLabel = "NUMBER", description = "the Twilio number, in any common format")
        String number;

        @Option(names = "--default-region", defaultValue = "${env:PHONE_DEFAULT_REGION:-US}",
                description = "country for numbers written without a country code (default: ${DEFAULT-VALUE})")
        String defaultRegion;

        @Option(names = "--replace", description = "replace the user's existing mapping")
        boolean replace;

        @Override
        public Integer call() {
            Mapping mapping = new Mapping(bareJid(jid), number(number, defaultRegion));
            DynamoMappingStore store = store();
            if (replace) {
                store.put(mapping);
            } else if (!store.putIfAbsent(mapping)) {
                throw new AdminException(mapping.jid() + " is already mapped to "
                        + store.numberOf(mapping.jid()).map(PhoneNumber::e164).orElse("a number")
                        + "; add --replace to change it");
            }
            out().println(mapping.jid() + " -> " + mapping.number());
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
            PhoneNumber number = store().numberOf(user)
                    .orElseThrow(() -> new AdminException(user + " has no mapping"));
            out().println(user + " -> " + number);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = {"List mappings, or the users of one number.",
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
                store.usersOf(phone).forEach(user -> out().println(user + " -> " + phone));
            } else {
                store.all().forEach(m -> out().println(m.jid() + " -> " + m.number()));
            }
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = {"Remove a user's mapping.",
            "Example: mappings delete alice@example.com"})
    static final class Delete extends Common implements Callable<Integer> {
        @Parameters(paramLabel = "JID")
        String jid;

        @Override
        public Integer call() {
            EntityBareJid user = bareJid(jid);
            if (!store().deleteIfPresent(user)) {
                throw new AdminException(user + " has no mapping to delete");
            }
            out().println("deleted " + user);
            return 0;
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
