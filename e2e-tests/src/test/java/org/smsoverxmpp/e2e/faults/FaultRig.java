package org.smsoverxmpp.e2e.faults;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.impl.JidCreate;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.mapping.DynamoMappingStore;
import org.smsoverxmpp.bridge.mapping.Mapping;
import org.smsoverxmpp.e2e.harness.BridgeProcess;
import org.smsoverxmpp.e2e.harness.XmppUser;
import org.smsoverxmpp.local.FreePort;
import org.smsoverxmpp.local.LocalApiGateway;
import org.smsoverxmpp.local.LocalAws;
import org.smsoverxmpp.local.MotoServer;
import org.smsoverxmpp.local.ProsodyServer;
import org.smsoverxmpp.local.XmppServer;
import org.smsoverxmpp.webhook.WebhookConfig;
import org.smsoverxmpp.webhook.WebhookHandler;
import org.smsoverxmpp.webhook.WebhookWiring;

/**
 * The real parts on one machine, each one its own process so it can be killed or frozen: Prosody, moto_server
 * (DynamoDB, Secrets Manager), ElasticMQ (the queues), the bridge; the webhook handler behind a local HTTP
 * endpoint; a Twilio-compatible API double. What the fault suite breaks and counts against.
 */
final class FaultRig implements AutoCloseable {
    static final String COMPONENT = "sms.localhost";
    static final String SECRET = "fault-suite-secret";
    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "fault-suite-token";
    static final String PASSWORD = "fault-password";
    /** Short, so a killed bridge's batch comes back soon; the heartbeat keeps batches in hand invisible. */
    static final int VISIBILITY_SECONDS = 10;

    final Path dir;
    final MotoServer moto;
    final Process queues;
    final ProsodyServer prosody;
    final ProviderDouble provider;
    final LocalAws aws;
    final LocalApiGateway webhook;
    final String webhookUrl;
    private final Map<String, String> bridgeEnv = new HashMap<>();
    private BridgeProcess bridge;
    private int bridgeStarts;

    FaultRig(String name) throws IOException {
        dir = Files.createDirectories(Path.of("target", "faults", name + "-" + System.currentTimeMillis()).toAbsolutePath());
        moto = MotoServer.start(dir, FreePort.find());
        int queuePort = FreePort.find();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        queues = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.smsoverxmpp.local.ElasticMqServer", Integer.toString(queuePort))
                .redirectErrorStream(true).redirectOutput(dir.resolve("elasticmq.log").toFile()).start();
        FreePort.awaitListening(queuePort, Duration.ofSeconds(60), queues, "ElasticMQ");
        prosody = ProsodyServer.start(dir.resolve("prosody"), COMPONENT, SECRET);
        provider = new ProviderDouble();
        aws = new LocalAws(moto.endpoint(), URI.create("http://127.0.0.1:" + queuePort), "-f" + System.nanoTime(),
                VISIBILITY_SECONDS, "{\"accountSid\":\"" + ACCOUNT + "\",\"authToken\":\"" + TOKEN + "\"}");
        int webhookPort = FreePort.find();
        webhookUrl = "http://127.0.0.1:" + webhookPort + "/sms";
        Map<String, String> webhookEnv = new HashMap<>(aws.webhookEnvironment());
        webhookEnv.put("PUBLIC_BASE_URL", "http://127.0.0.1:" + webhookPort);
        webhook = new LocalApiGateway("127.0.0.1", webhookPort,
                new WebhookHandler(WebhookWiring.fromEnvironment(WebhookConfig.from(webhookEnv))));
        bridgeEnv.putAll(prosody.bridgeEnvironment(prosody.componentPort()));
        bridgeEnv.putAll(aws.bridgeEnvironment());
        bridgeEnv.putAll(Map.of("XMPP_PING_TIMEOUT_SECONDS", "5", "XMPP_AUTH_RETRY_SECONDS", "2", "QUEUE_WAIT_SECONDS", "1",
                "TWILIO_ACCOUNT_SID", ACCOUNT, "TWILIO_AUTH_TOKEN", TOKEN, "TWILIO_API_BASE_URL", provider.baseUrl(),
                "TWILIO_RETRY_BASE_MS", "200", "STOP_TIMEOUT_SECONDS", "30"));
    }

    /** A Prosody account mapped to {@code number}, logged in with Smack. */
    XmppUser user(String name, String number) throws Exception {
        prosody.register(name, PASSWORD);
        new DynamoMappingStore(aws.dynamo, aws.table, aws.numberIndex)
                .put(new Mapping(JidCreate.entityBareFrom(name + "@" + XmppServer.DOMAIN), new PhoneNumber(number)));
        return new XmppUser(prosody.c2sPort(), name, PASSWORD);
    }

    void startBridge() throws InterruptedException {
        bridge = BridgeProcess.start(bridgeEnv, dir.resolve("bridge-" + (++bridgeStarts) + ".log"));
        bridge.awaitOutput("connected to", Duration.ofSeconds(60));
    }

    void killBridge() throws InterruptedException {
        bridge.kill();
    }

    /** SIGTERM, as ECS sends. @return how long the bridge took to exit, or null if it did not within the timeout */
    Duration terminateBridge(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        int exit = bridge.terminate(timeout);
        return exit < 0 ? null : Duration.ofNanos(System.nanoTime() - start);
    }

    /** Stops and restarts Prosody on the same ports and data; its clients must log in again. */
    void restartXmppServer(Duration down) throws InterruptedException {
        prosody.stop();
        Thread.sleep(down.toMillis());
        prosody.start();
    }

    /** SIGSTOP then, after {@code frozen}, SIGCONT to moto and ElasticMQ: every AWS call hangs meanwhile. */
    void freezeAws(Duration frozen) throws Exception {
        List<Long> pids = List.of(moto.pid().orElseThrow(), queues.pid());
        signal("STOP", pids);
        Thread.sleep(frozen.toMillis());
        signal("CONT", pids);
    }

    private static void signal(String signal, List<Long> pids) throws Exception {
        for (long pid : pids) {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        if (bridge != null) {
            bridge.close();
        }
        webhook.close();
        provider.close();
        aws.close();
        prosody.close();
        queues.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        moto.close();
    }
}
