package org.smsoverxmpp.bridge.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.smsoverxmpp.bridge.provider.ProviderCatalog;
import org.smsoverxmpp.bridge.provider.ProviderChoice;
import org.smsoverxmpp.bridge.xmpp.ComponentSettings;
import org.smsoverxmpp.bridge.xmpp.Transport;

/**
 * Everything the bridge is told, from environment variables (docs/configuration.md). Secrets arrive as
 * environment variables too: ECS injects them from Secrets Manager.
 */
public record BridgeConfig(
        ComponentSettings xmpp,
        String queueUrl,
        Optional<String> deadLetterQueueUrl,
        int queueWaitSeconds,
        Duration inboundGiveUp,
        int queueConsumers,
        Duration queueGather,
        String mappingsTable,
        String mappingsNumberIndex,
        Optional<String> sentTable,
        Optional<String> mediaBucket,
        Optional<URI> mediaBaseUrl,
        Duration sentRetention,
        Duration mappingCacheTtl,
        ProviderChoice providers,
        int outboundLanes,
        String outboxQueueUrl,
        int outboxConsumers,
        int outboxBuffer,
        Duration outboxMaxAge,
        Duration stopTimeout,
        Duration heartbeatInterval,
        String phoneRegion,
        Optional<Path> healthFile,
        Duration healthGrace,
        Optional<String> awsRegion,
        Optional<URI> awsEndpoint,
        Optional<URI> sqsEndpoint) {

    public static BridgeConfig fromEnvironment() {
        return from(System.getenv());
    }

    public static BridgeConfig from(Map<String, String> env) {
        EnvReader read = new EnvReader(env);
        String host = read.required("XMPP_HOST", "the XMPP server's host name");
        int port = read.positiveInt("XMPP_PORT", 5347);
        Transport transport = XmppTransportConfig.read(read, host);
        DomainBareJid domain = domain(read, "COMPONENT_DOMAIN", read.required("COMPONENT_DOMAIN", "e.g. sms.example.com"));
        String secret = read.required("COMPONENT_SECRET", "the component secret from the XMPP server's config");
        DomainBareJid server = domain(read, "XMPP_SERVER_DOMAIN",
                read.optional("XMPP_SERVER_DOMAIN").orElseGet(() -> parentOf(domain)));
        ComponentSettings xmpp = new ComponentSettings(host, port, transport, domain, secret, server,
                seconds(read, "XMPP_KEEPALIVE_SECONDS", 60), seconds(read, "XMPP_PING_INTERVAL_SECONDS", 60),
                seconds(read, "XMPP_PING_TIMEOUT_SECONDS", 10), seconds(read, "XMPP_AUTH_RETRY_SECONDS", 60));

        String queueUrl = read.required("QUEUE_URL", "the SQS FIFO queue the webhook writes to");
        // Without it, found from the queue's redrive policy (one more call, once).
        Optional<String> deadLetters = read.optional("DEAD_LETTER_QUEUE_URL");
        int wait = read.parsed("QUEUE_WAIT_SECONDS", 10, Integer::valueOf, n -> n >= 0 && n <= 20, "0 to 20");
        int consumers = read.parsed("QUEUE_CONSUMERS", 4, Integer::valueOf, n -> n >= 1 && n <= 16, "1 to 16");
        // Under light traffic, receives may wait this long after a short one so that messages gather
        // (ReceiveRhythm). Measured at 50 SMS/s on a settled bridge, 40 ms saved 21-30 % of its CPU per SMS for
        // about 25 ms of median latency; a message that arrives while a receive waits is not delayed at all, so
        // at a person's pace it costs nothing (docs/performance.md).
        Duration gather = Duration.ofMillis(read.parsed("QUEUE_GATHER_MS", 40, Integer::valueOf, n -> n >= 0 && n <= 1000,
                "0 to 1000"));
        Duration giveUp = seconds(read, "INBOUND_RETRY_GIVE_UP_SECONDS", 3600);
        String table = read.required("MAPPINGS_TABLE", "the DynamoDB mappings table");
        String index = read.optional("MAPPINGS_NUMBER_INDEX").orElse("byNumber");
        Optional<String> sentTable = read.optional("SENT_TABLE");
        Duration sentRetention = Duration.ofDays(read.positiveInt("SENT_RETENTION_DAYS", 7));
        Optional<String> mediaBucket = read.optional("MEDIA_BUCKET");
        Optional<URI> mediaBaseUrl = read.url("MEDIA_BASE_URL");

        // Retries of a message that surely did not reach the provider: after base, then 2 × base.
        int retryMs = read.positiveInt("SEND_RETRY_BASE_MS", read.positiveInt("TWILIO_RETRY_BASE_MS", 1000));
        List<Duration> retries = List.of(Duration.ofMillis(retryMs), Duration.ofMillis(retryMs * 2L));
        ProviderChoice providers = ProviderChoice.read(read, ProviderCatalog.configured(read, retries));
        Duration cacheTtl = seconds(read, "MAPPING_CACHE_SECONDS", 60);
        int lanes = read.positiveInt("OUTBOUND_LANES", 8);
        String outbox = read.required("OUTBOX_QUEUE_URL", "the SQS FIFO queue that holds outbound messages until sent");
        int outboxConsumers = read.parsed("OUTBOX_CONSUMERS", 2, Integer::valueOf, n -> n >= 1 && n <= 16, "1 to 16");
        int outboxBuffer = read.positiveInt("OUTBOX_BUFFER", 1000);
        Duration outboxMaxAge = Duration.ofMinutes(read.positiveInt("OUTBOX_MAX_AGE_MINUTES", 60));
        // What ECS gives between SIGTERM and SIGKILL (the task's stopTimeout; 30 s unless the stack says more).
        Duration stopTimeout = seconds(read, "STOP_TIMEOUT_SECONDS", 30);
        Duration heartbeat = seconds(read, "HEARTBEAT_SECONDS", 60);
        Optional<Path> healthFile = read.optional("HEALTH_FILE").map(Path::of);
        // Without a stream for longer than this, the bridge reports itself unhealthy (unless refused: Heartbeat).
        Duration healthGrace = Duration.ofMinutes(read.positiveInt("HEALTH_DISCONNECTED_MINUTES", 5));
        String region = read.parsed("PHONE_DEFAULT_REGION", "US", String::toUpperCase,
                r -> com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().getSupportedRegions().contains(r),
                "a two-letter country code such as US or GB");
        Optional<URI> awsEndpoint = read.url("AWS_ENDPOINT_URL");
        // The SDKs' own name for a per-service endpoint: a separate SQS-compatible queue (ElasticMQ, say).
        Optional<URI> sqsEndpoint = read.url("AWS_ENDPOINT_URL_SQS");
        read.check();
        return new BridgeConfig(xmpp, queueUrl, deadLetters, wait, giveUp, consumers, gather, table, index, sentTable, mediaBucket, mediaBaseUrl, sentRetention,
                cacheTtl, providers, lanes, outbox, outboxConsumers,
                outboxBuffer, outboxMaxAge, stopTimeout, heartbeat, region, healthFile, healthGrace,
                read.optional("AWS_REGION"), awsEndpoint, sqsEndpoint.or(() -> awsEndpoint));
    }

    private static Duration seconds(EnvReader read, String name, int fallback) {
        return Duration.ofSeconds(read.positiveInt(name, fallback));
    }

    /** sms.example.com is served by example.com, whose server answers our pings. */
    private static String parentOf(DomainBareJid domain) {
        if (domain == null) {
            return null;
        }
        String text = domain.toString();
        int dot = text.indexOf('.');
        return dot < 0 ? text : text.substring(dot + 1);
    }

    private static DomainBareJid domain(EnvReader read, String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return JidCreate.domainBareFrom(value);
        } catch (XmppStringprepException e) {
            read.problem(name + " is not a valid domain (got '" + value + "')");
            return null;
        }
    }
}
