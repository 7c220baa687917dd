package org.smsoverxmpp.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.mapping.DynamoMappingStore;
import org.smsoverxmpp.bridge.mapping.Mapping;
import org.smsoverxmpp.local.LocalAws;
import org.smsoverxmpp.local.ProsodyServer;

/**
 * What every load row runs on: the repository (for the bridge jar), a work directory, moto, Prosody, and the
 * servers whose CPU the rows report besides the bridge's and this JVM's.
 */
record LoadRig(Path root, Path work, LocalAws aws, ProsodyServer prosody, Map<String, Long> otherProcesses) {
    static final String PASSWORD = "bench-password";
    /** Measured rows start after this much traffic, so each bridge JVM has compiled its hot paths. */
    static final Duration WARM_UP = Duration.ofSeconds(5);

    /** A user of its own for one run, with its own number, so an earlier run cannot leak into a later one. */
    String user(String name, String number) throws XmppStringprepException {
        prosody.register(name, PASSWORD);
        new DynamoMappingStore(aws.dynamo, aws.table, aws.numberIndex).put(new Mapping(
                JidCreate.entityBareFrom(name + "@" + ProsodyServer.DOMAIN), new PhoneNumber(number)));
        return name;
    }

    /** The webhook's environment for a row: this rig's AWS, the row's queue, answering on {@code port}. */
    Map<String, String> webhookEnvironment(BenchQueue queue, int port) {
        Map<String, String> env = new HashMap<>(aws.webhookEnvironment());
        env.putAll(queue.environment());
        env.put("PUBLIC_BASE_URL", "http://127.0.0.1:" + port);
        return env;
    }

    /** The bridge's environment for a row: this rig's AWS and Prosody, the row's queue. */
    Map<String, String> bridgeEnvironment(BenchQueue queue) {
        Map<String, String> env = BridgeProcess.environment(aws, prosody);
        env.putAll(queue.environment());
        return env;
    }

    /** Arrival slots for a row: room for 5,000 SMS/s, far above what two cores can do. */
    static int capacity(Duration measured) {
        return (int) (5_000 * (measured.toSeconds() + WARM_UP.toSeconds() + 10));
    }
}
