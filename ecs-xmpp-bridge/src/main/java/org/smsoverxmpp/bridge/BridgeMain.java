package org.smsoverxmpp.bridge;

import org.smsoverxmpp.bridge.admin.AdminCli;
import org.smsoverxmpp.bridge.config.BridgeConfig;
import org.smsoverxmpp.bridge.config.ConfigException;

/** The container's entry point: configuration from the environment, then run until SIGTERM. */
public final class BridgeMain {
    private BridgeMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            // mappings, status, dlq, --help: the operator's CLI shares the jar.
            AdminCli.main(args);
            return;
        }
        // Smack logs through java.util.logging; route it into the same JSON log stream.
        System.setProperty("java.util.logging.manager", "org.apache.logging.log4j.jul.LogManager");
        BridgeConfig config;
        try {
            config = BridgeConfig.fromEnvironment();
        } catch (ConfigException e) {
            System.err.println("sms-over-xmpp bridge: " + e.getMessage());
            System.err.println("See docs/configuration.md.");
            System.exit(2);
            return;
        }
        Bridge bridge = Bridge.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(bridge::close, "sigterm"));
    }
}
