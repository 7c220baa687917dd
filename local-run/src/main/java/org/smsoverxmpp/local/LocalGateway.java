package org.smsoverxmpp.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jxmpp.jid.impl.JidCreate;
import org.smsoverxmpp.bridge.Bridge;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.config.BridgeConfig;
import org.smsoverxmpp.bridge.mapping.DynamoMappingStore;
import org.smsoverxmpp.bridge.mapping.Mapping;
import org.smsoverxmpp.webhook.WebhookConfig;
import org.smsoverxmpp.webhook.WebhookHandler;
import org.smsoverxmpp.webhook.WebhookWiring;
import org.smsoverxmpp.webhook.telnyx.TelnyxRequestSigner;

/**
 * The README's run command: the whole gateway on this machine with nothing from AWS or Twilio. Starts
 * Prosody, an AWS emulator (LocalStack if one answers, else moto_server), the webhook behind a local HTTP
 * endpoint, the bridge and a Twilio simulator; prints how to use it; Ctrl-C stops everything it started.
 */
public final class LocalGateway implements AutoCloseable {
    static final String SIMULATED_ACCOUNT = "AC00000000000000000000000000000000";
    static final String SIMULATED_TOKEN = "local-auth-token";
    static final String SIMULATED_TELNYX_KEY = "KEYlocal-telnyx-api-key";
    public static final String READY = "sms-over-xmpp is running";

    private final List<AutoCloseable> started = new ArrayList<>();
    private final PrintStream out;
    private Path dir;

    private LocalGateway(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        LocalGateway gateway = new LocalGateway(System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "local-shutdown"));
        try {
            gateway.start(LocalSettings.from(System.getenv()));
        } catch (LocalRunException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
        Thread.currentThread().join();
    }

    void start(LocalSettings settings) throws Exception {
        dir = settings.dir();
        LeftoverProcesses.stop(settings.dir());
        requireFree(settings.c2sPort(), "XMPP_C2S_PORT", "an XMPP server?");
        requireFree(settings.componentPort(), "XMPP_COMPONENT_PORT", "an XMPP server?");
        requireFree(settings.webhookPort(), "WEBHOOK_PORT", "");
        requireFree(settings.queuePort(), "SQS_PORT", "");
        if (settings.realTwilio().isEmpty()) {
            requireFree(settings.twilioSimulatorPort(), "TWILIO_SIMULATOR_PORT", "");
        }
        requireFree(settings.telnyxSimulatorPort(), "TELNYX_SIMULATOR_PORT", "");

        String componentSecret = "local-component-secret";
        ProsodyServer prosody = ProsodyServer.start(settings.dir().resolve("prosody"), settings.componentDomain(),
                componentSecret, settings.c2sPort(), settings.componentPort());
        started.add(prosody);
        prosody.register(settings.demoUser(), settings.demoPassword());

        EmulatorChoice.Choice emulator = EmulatorChoice.choose(settings.awsEndpoint(), settings.emulator(),
                () -> answers(EmulatorChoice.LOCALSTACK + "/_localstack/health"));
        URI awsEndpoint = awsEndpoint(settings, emulator);
        out.println("AWS emulator: " + describe(emulator, awsEndpoint) + " (" + emulator.why() + ")");
        ElasticMqServer queues = ElasticMqServer.start(settings.queuePort());
        started.add(queues);
        String accountSid = settings.realTwilio().map(LocalSettings.RealTwilio::accountSid).orElse(SIMULATED_ACCOUNT);
        String authToken = settings.realTwilio().map(LocalSettings.RealTwilio::authToken).orElse(SIMULATED_TOKEN);
        LocalAws aws = new LocalAws(awsEndpoint, queues.endpoint(), "", 30,
                "{\"accountSid\":\"" + accountSid + "\",\"authToken\":\"" + authToken + "\"}");
        started.add(aws);
        SavedMappings saved = new SavedMappings(aws.dynamo, aws.table, settings.dir());
        int restored = saved.restore();
        String user = settings.demoUser() + "@" + ProsodyServer.DOMAIN;
        new DynamoMappingStore(aws.dynamo, aws.table, aws.numberIndex)
                .put(new Mapping(JidCreate.entityBareFrom(user), new PhoneNumber(settings.demoNumber())));
        started.add(saved.start(5));

        // Telnyx is simulated beside Twilio: this run's own key pair stands in for Telnyx's signing key.
        KeyPair telnyxKey = TelnyxRequestSigner.newKeyPair();
        Map<String, String> webhookEnv = new HashMap<>(aws.webhookEnvironment());
        webhookEnv.put("TELNYX_SECRET_ID", aws.putSecret("telnyx/webhook",
                "{\"publicKey\":\"" + TelnyxRequestSigner.portalForm(telnyxKey.getPublic()) + "\"}"));
        webhookEnv.put("PUBLIC_BASE_URL", settings.webhookBaseUrl());
        WebhookHandler handler = new WebhookHandler(WebhookWiring.fromEnvironment(WebhookConfig.from(webhookEnv)));
        started.add(new LocalApiGateway("127.0.0.1", settings.webhookPort(), handler));

        String twilioApi = "https://api.twilio.com";
        if (settings.realTwilio().isEmpty()) {
            TwilioSimulator simulator = new TwilioSimulator("127.0.0.1", settings.twilioSimulatorPort(), out,
                    new WebhookPoster(SIMULATED_TOKEN));
            started.add(simulator);
            twilioApi = simulator.baseUrl();
        }

        TelnyxSimulator telnyx = new TelnyxSimulator("127.0.0.1", settings.telnyxSimulatorPort(), out, SIMULATED_TELNYX_KEY,
                telnyxKey.getPrivate());
        started.add(telnyx);

        Map<String, String> bridgeEnv = new HashMap<>(prosody.bridgeEnvironment(settings.componentPort()));
        bridgeEnv.putAll(aws.bridgeEnvironment());
        bridgeEnv.put("QUEUE_WAIT_SECONDS", "2");
        bridgeEnv.put("TWILIO_ACCOUNT_SID", accountSid);
        bridgeEnv.put("TWILIO_AUTH_TOKEN", authToken);
        bridgeEnv.put("TWILIO_API_BASE_URL", twilioApi);
        bridgeEnv.put("TWILIO_STATUS_CALLBACK_URL", settings.webhookBaseUrl() + "/twilio/status");
        bridgeEnv.put("TELNYX_API_KEY", SIMULATED_TELNYX_KEY);
        bridgeEnv.put("TELNYX_API_BASE_URL", telnyx.baseUrl());
        bridgeEnv.put("TELNYX_WEBHOOK_URL", settings.webhookBaseUrl() + "/telnyx/events");
        // A mapping that names no provider sends through Twilio (or its simulator); `--provider telnyx` on a
        // mapping sends through the Telnyx simulator.
        bridgeEnv.put("SMS_PROVIDER", "twilio");
        Bridge bridge = Bridge.start(BridgeConfig.from(bridgeEnv));
        started.add(bridge);
        if (!bridge.xmppState().awaitConnected(Duration.ofSeconds(30))) {
            throw new LocalRunException("the bridge did not connect to Prosody within 30 s; see "
                    + settings.dir().resolve("prosody/prosody.log"));
        }

        List<Long> children = new ArrayList<>();
        prosody.pid().ifPresent(children::add);
        started.stream().filter(MotoServer.class::isInstance).map(MotoServer.class::cast).findFirst()
                .flatMap(MotoServer::pid).ifPresent(children::add);
        LeftoverProcesses.remember(settings.dir(), children);
        writeState(settings, authToken, accountSid, awsEndpoint, queues.endpoint(), aws.queueUrl, prosody, telnyxKey);
        printBanner(settings, user, describe(emulator, awsEndpoint), restored);
    }

    private URI awsEndpoint(LocalSettings settings, EmulatorChoice.Choice emulator) {
        if (emulator instanceof EmulatorChoice.Choice.Given given) {
            return given.endpoint();
        }
        if (emulator instanceof EmulatorChoice.Choice.LocalStack) {
            return EmulatorChoice.LOCALSTACK;
        }
        requireFree(settings.motoPort(), "MOTO_PORT", "");
        MotoServer moto = MotoServer.start(settings.dir(), settings.motoPort());
        started.add(moto);
        return moto.endpoint();
    }

    private static String describe(EmulatorChoice.Choice emulator, URI endpoint) {
        if (emulator instanceof EmulatorChoice.Choice.LocalStack) {
            return "LocalStack at " + endpoint;
        }
        return (emulator instanceof EmulatorChoice.Choice.StartMoto ? "moto_server at " : "") + endpoint;
    }

    private static boolean answers(String url) {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(1)).build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void requireFree(int port, String variable, String hint) {
        if (FreePort.isListening(port)) {
            throw new LocalRunException("port " + port + " is already in use" + (hint.isEmpty() ? "" : " (" + hint + ")")
                    + "; stop what uses it, or set " + variable + " to another port");
        }
    }

    /** What bin/sms and bin/admin --local need to work on this run. */
    private static void writeState(LocalSettings settings, String authToken, String accountSid, URI aws, URI queues,
            String queueUrl, ProsodyServer prosody, KeyPair telnyxKey) throws IOException {
        Properties state = new Properties();
        state.setProperty("aws_endpoint", aws.toString());
        state.setProperty("sqs_endpoint", queues.toString());
        state.setProperty("queue_url", queueUrl);
        state.setProperty("webhook_url", "http://127.0.0.1:" + settings.webhookPort() + "/twilio/sms");
        state.setProperty("signed_url", settings.webhookBaseUrl() + "/twilio/sms");
        state.setProperty("telnyx_events_url", "http://127.0.0.1:" + settings.webhookPort() + "/telnyx/events");
        state.setProperty("telnyx_signing_key", Base64.getEncoder().encodeToString(telnyxKey.getPrivate().getEncoded()));
        state.setProperty("auth_token", authToken);
        state.setProperty("account_sid", accountSid);
        state.setProperty("number", settings.demoNumber());
        state.setProperty("prosody_config", prosody.config().toString());
        state.setProperty("xmpp_domain", ProsodyServer.DOMAIN);
        state.setProperty("c2s_port", Integer.toString(settings.c2sPort()));
        state.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        Path file = settings.dir().resolve("local.properties");
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            state.store(writer, "written by bin/run for bin/sms and bin/admin --local; holds the local auth token and signing key");
        }
    }

    private void printBanner(LocalSettings settings, String user, String aws, int restored) {
        out.println();
        out.println("==============================================================================");
        out.println(READY);
        out.println("  XMPP account   " + user + "   password: " + settings.demoPassword());
        out.println("  XMPP server    127.0.0.1:" + settings.c2sPort() + " (no TLS: allow plain-text login in your client)");
        out.println("  SMS gateway    " + settings.componentDomain() + "   your number: " + settings.demoNumber());
        out.println("  AWS emulator   " + aws + "   webhook: " + settings.webhookBaseUrl() + "/twilio/sms");
        out.println("  Mappings       " + (restored == 0 ? "the demo user's" : restored + " restored from the last run")
                + "; kept across restarts in " + settings.dir().resolve(SavedMappings.FILE));
        out.println();
        out.println("  Receive an SMS:  bin/sms +15551234567 \"hello from a phone\"");
        out.println("                   (it arrives from +15551234567@" + settings.componentDomain() + ")");
        out.println("  Send an SMS:     write to +15551234567@" + settings.componentDomain() + " from your client;");
        out.println("                   " + (settings.realTwilio().isPresent() ? "it goes out through your Twilio account."
                : "the Twilio simulator prints it here."));
        out.println("  Through Telnyx:  bin/sms --provider telnyx +15551234567 \"hello\"   (the Telnyx simulator's webhook);");
        out.println("                   bin/admin --local mappings put " + user + " " + settings.demoNumber()
                + " --provider telnyx   (your replies leave through it)");
        out.println("  Another user:    bin/admin --local users add alice +15550001111   (prints the password)");
        out.println("  Manage:          bin/admin --local mappings list     bin/admin --local status");
        out.println("  Stop:            Ctrl-C");
        out.println("==============================================================================");
        out.flush();
    }

    /** Stops everything this run started, newest first. */
    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("stopping " + started.get(i).getClass().getSimpleName() + " failed: " + e);
            }
        }
        started.clear();
        if (dir != null) {
            LeftoverProcesses.forget(dir);
        }
    }
}
