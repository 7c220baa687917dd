package org.smsoverxmpp.local;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.mapping.DynamoMappingStore;
import org.smsoverxmpp.bridge.mapping.Mapping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import java.net.URI;
import java.util.Optional;
import org.smsoverxmpp.bridge.admin.AdminException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The local run's XMPP users: an account in its Prosody and a mapping to a number, in one command. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Add XMPP users to the local run.",
        subcommands = UsersCommand.Add.class)
final class UsersCommand implements Runnable {
    private final Properties state;

    @Spec
    CommandSpec spec;

    UsersCommand(Properties state) {
        this.state = state;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {
            "Create an XMPP account on the local Prosody and map it to a number; prints the password.",
            "Run again to reset the password or, with --replace, change the number.",
            "Example: users add alice +15550001111"})
    static final class Add implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "USER", description = "the account's name (alice), or its JID (alice@localhost)")
        String user;

        @Parameters(index = "1", paramLabel = "NUMBER", description = "its number, in any common format")
        String number;

        @Option(names = "--password", description = "the password to set (default: a new random one)")
        String password;

        @Option(names = "--replace", description = "change the number of a user who already has one")
        boolean replace;

        @Option(names = "--default-region", defaultValue = "${env:PHONE_DEFAULT_REGION:-US}",
                description = "country for a number written without a country code (default: ${DEFAULT-VALUE})")
        String defaultRegion;

        @picocli.CommandLine.ParentCommand
        UsersCommand parent;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Properties state = parent.state;
            String domain = state.getProperty("xmpp_domain", XmppServer.DOMAIN);
            String localpart = user.endsWith("@" + domain) ? user.substring(0, user.length() - domain.length() - 1) : user;
            EntityBareJid jid = jid(localpart, domain);
            PhoneNumber phone = phone();
            String secret = password != null ? password : newPassword();
            Mapping mapping = new Mapping(jid, phone);
            try (DynamoDbClient dynamo = dynamo(state)) {
                DynamoMappingStore store = new DynamoMappingStore(dynamo, LocalAws.TABLE, LocalAws.NUMBER_INDEX);
                if (replace) {
                    store.put(mapping);
                } else if (!store.putIfAbsent(mapping) && !store.numberOf(jid).equals(Optional.of(phone))) {
                    throw new AdminException(jid + " already has another number; add --replace to change it");
                }
            } catch (SdkException e) {
                throw new AdminException("could not map " + jid + " (is bin/run running?): " + e.getMessage());
            }
            try {
                ProsodyServer.register(Path.of(state.getProperty("prosody_config")), jid.getLocalpart().toString(), secret);
            } catch (IllegalStateException e) {
                throw new AdminException(e.getMessage());
            }
            spec.commandLine().getOut().printf("%s -> %s%n  password: %s%n  log in at 127.0.0.1:%s (plain-text login, no TLS)%n",
                    jid, phone, secret, state.getProperty("c2s_port", "5222"));
            return 0;
        }

        private EntityBareJid jid(String localpart, String domain) {
            try {
                EntityBareJid jid = JidCreate.entityBareFrom(localpart + "@" + domain);
                if (!jid.getDomain().toString().equals(domain) || localpart.contains("/")) {
                    throw new XmppStringprepException(user, "not a user of " + domain);
                }
                return jid;
            } catch (XmppStringprepException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "'" + user + "' is not a user name for " + domain + " (e.g. alice)");
            }
        }

        private PhoneNumber phone() {
            try {
                return PhoneNumber.parse(number, defaultRegion);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        /** The local run's table, in its emulator, as bin/run wrote where to find it. */
        private static DynamoDbClient dynamo(Properties state) {
            return DynamoDbClient.builder().endpointOverride(URI.create(state.getProperty("aws_endpoint")))
                    .region(Region.of(LocalAws.REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .build();
        }

        private static String newPassword() {
            byte[] bytes = new byte[9];
            new SecureRandom().nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }
    }
}
