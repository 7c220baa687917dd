package org.smsoverxmpp.bridge;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.bridge.address.PhoneJids;
import org.smsoverxmpp.bridge.config.BridgeConfig;
import org.smsoverxmpp.bridge.contacts.GatewayPrompt;
import org.smsoverxmpp.bridge.presence.PresenceResponder;
import org.smsoverxmpp.bridge.receipts.DeliveryReports;
import org.smsoverxmpp.bridge.receipts.DynamoSentMessages;
import org.smsoverxmpp.bridge.receipts.SentMessages;
import org.smsoverxmpp.bridge.receipts.WriteBehindSentMessages;
import org.smsoverxmpp.bridge.inbound.DeliveredRecipients;
import org.smsoverxmpp.bridge.inbound.QueueConsumer;
import org.smsoverxmpp.bridge.queue.CallTimeouts;
import org.smsoverxmpp.bridge.queue.QueuePoller;
import org.smsoverxmpp.bridge.inbound.SmsDelivery;
import org.smsoverxmpp.bridge.receipts.StatusDelivery;
import org.smsoverxmpp.bridge.inbound.SmsToStanzas;
import org.smsoverxmpp.bridge.mapping.CachedMappings;
import org.smsoverxmpp.bridge.mapping.DynamoMappingStore;
import org.smsoverxmpp.bridge.media.MediaStore;
import org.smsoverxmpp.bridge.media.S3MediaStore;
import org.smsoverxmpp.bridge.metrics.EmfMetrics;
import org.smsoverxmpp.bridge.metrics.GatewayMetrics;
import org.smsoverxmpp.bridge.status.BridgeActivity;
import org.smsoverxmpp.bridge.status.StatePublisher;
import org.smsoverxmpp.bridge.outbound.Attempts;
import org.smsoverxmpp.bridge.outbound.OutboundSms;
import org.smsoverxmpp.bridge.outbound.OutboxConsumer;
import org.smsoverxmpp.bridge.outbound.Replies;
import org.smsoverxmpp.bridge.outbound.SmsSending;
import org.smsoverxmpp.bridge.outbound.SqsOutbox;
import org.smsoverxmpp.bridge.provider.Providers;
import org.smsoverxmpp.bridge.queue.ReceiveRhythm;
import org.smsoverxmpp.bridge.xmpp.Backoff;
import org.smsoverxmpp.bridge.xmpp.ComponentConnection;
import org.smsoverxmpp.bridge.xmpp.ConnectionState;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The composition root: the one place that builds and wires the bridge, and takes it down in order. */
public final class Bridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Bridge.class);
    /** How long an answer to a user may wait for the stream: longer than a reconnect's longest backoff. */
    private static final Duration REPLY_WAIT = Duration.ofSeconds(45);
    /**
     * How long a delivered message's delete waits for others (QueuePoller.gatherDeletes): each SQS call costs
     * the bridge about as much CPU as the rest of an SMS, so under light traffic a delete of its own doubles the
     * cost. A conversation's next message waits for the delete, so this stays well below what a person notices.
     */
    private static final Duration DELETE_LINGER = Duration.ofMillis(50);
    /**
     * How long a sent SMS's record waits for others to share its BatchWriteItem. Nobody waits for it: a status
     * callback that comes sooner is answered from memory. What a crash loses in this window is receipts, never an SMS.
     */
    private static final Duration RECORD_LINGER = Duration.ofMillis(200);

    private final Duration stopTimeout;
    private final ComponentConnection xmpp;
    private final QueueConsumer consumer;
    private final List<Thread> consumerThreads = new ArrayList<>();
    private final SqsOutbox outbox;
    private final OutboxConsumer outboxConsumer;
    private final List<Thread> outboxThreads = new ArrayList<>();
    private final Heartbeat heartbeat;
    private final EmfMetrics emf;
    private final Optional<WriteBehindSentMessages> sentWriter;
    private final CallTimeouts sqsTimeouts;
    private final SqsClient sqs;
    private final DynamoDbClient dynamo;
    private final S3Client s3;

    private Bridge(BridgeConfig config) {
        stopTimeout = config.stopTimeout();
        sqsTimeouts = CallTimeouts.forQueueWait(config.queueWaitSeconds());
        sqs = aws(SqsClient.builder(), config, config.sqsEndpoint())
                .overrideConfiguration(sqsTimeouts::applyTo)
                .build();
        dynamo = aws(DynamoDbClient.builder(), config, config.awsEndpoint()).build();
        // Path-style addressing so an emulator endpoint works; AWS accepts it too.
        s3 = aws(S3Client.builder(), config, config.awsEndpoint()).forcePathStyle(config.awsEndpoint().isPresent()).build();
        PhoneJids jids = new PhoneJids(config.xmpp().componentDomain());
        var mappings = new CachedMappings(
                new DynamoMappingStore(dynamo, config.mappingsTable(), config.mappingsNumberIndex()),
                config.mappingCacheTtl(), 100_000);
        Providers providers = config.providers().open(config.outboundLanes() * 2);

        // EMF lines go to their own logger, which writes them unwrapped: CloudWatch reads only a bare JSON line.
        emf = new EmfMetrics(LoggerFactory.getLogger("emf.bridge")::info, Clock.systemUTC()).start();
        BridgeActivity activity = new BridgeActivity(Clock.systemUTC(), config.healthGrace(), runsOn());
        GatewayMetrics metrics = GatewayMetrics.all(emf, activity);
        xmpp = new ComponentConnection(config.xmpp(), Backoff.standard(), metrics);
        sentWriter = config.sentTable().map(t -> new WriteBehindSentMessages(
                new DynamoSentMessages(dynamo, t, config.sentRetention(), Clock.systemUTC()), 10_000, Duration.ofMillis(200), 4, RECORD_LINGER));
        SentMessages sent = sentWriter.<SentMessages>map(w -> w).orElse(SentMessages.NONE);
        Replies replies = new Replies(xmpp, REPLY_WAIT);
        outbox = new SqsOutbox(sqs, config.outboxQueueUrl(), replies, config.outboxBuffer(), 2);
        Attempts attempts = config.sentTable()
                .map(t -> Attempts.inTable(dynamo, t, config.sentRetention(), Clock.systemUTC()))
                .orElseGet(Attempts::byReceiveCount);
        outboxConsumer = new OutboxConsumer(new QueuePoller(sqs, config.outboxQueueUrl(), Optional.empty(), Clock.systemUTC())
                        .gatherDeletes(DELETE_LINGER, config.outboundLanes(), "outbox-deletes"),
                new ReceiveRhythm(config.queueGather()), config.queueWaitSeconds(),
                new SmsSending(mappings, providers, sent, attempts, replies, config.outboxMaxAge(), Clock.systemUTC(), metrics),
                config.outboundLanes());
        OutboundSms outbound = new OutboundSms(jids, outbox, xmpp, Clock.systemUTC());
        DeliveredRecipients delivered = config.sentTable()
                .map(t -> DeliveredRecipients.inTable(dynamo, t, config.sentRetention(), Clock.systemUTC()))
                .orElseGet(DeliveredRecipients::inMemory);
        consumer = new QueueConsumer(new QueuePoller(sqs, config.queueUrl(), config.deadLetterQueueUrl(), Clock.systemUTC())
                        .gatherDeletes(DELETE_LINGER, config.queueConsumers(), "sqs-deletes"),
                new ReceiveRhythm(config.queueGather()), config.queueWaitSeconds(), xmpp, new SmsDelivery(mappings, mediaStore(config), providers, new SmsToStanzas(jids)),
                new StatusDelivery(new DeliveryReports(sent, providers)), delivered, config.xmpp().pingTimeout(), config.inboundGiveUp(),
                Clock.systemUTC(), metrics);
        xmpp.onStanza(new IncomingStanzas(outbound, consumer::onBounce,
                new IqRouter(new GatewayPrompt(jids, config.phoneRegion()), xmpp),
                new PresenceResponder(xmpp), xmpp));
        for (int i = 0; i < config.queueConsumers(); i++) {
            consumerThreads.add(new Thread(consumer, "sqs-consumer-" + i));
        }
        for (int i = 0; i < config.outboxConsumers(); i++) {
            outboxThreads.add(new Thread(outboxConsumer, "outbox-consumer-" + i));
        }
        heartbeat = new Heartbeat(activity, config.heartbeatInterval(), config.healthFile(),
                config.sentTable().map(t -> new StatePublisher(dynamo, t, Duration.ofMinutes(1))));
    }

    public static Bridge start(BridgeConfig config) {
        Bridge bridge = new Bridge(config);
        bridge.xmpp.start();
        bridge.consumerThreads.forEach(Thread::start);
        bridge.outboxThreads.forEach(Thread::start);
        LOG.info("bridge started for {}", config.xmpp());
        return bridge;
    }

    public ConnectionState xmppState() {
        return xmpp.state();
    }

    /**
     * Graceful stop within the task's stop timeout: no new pulls from either queue; the inbound batches in hand
     * acknowledged and the outbound ones sent and answered; messages arriving meanwhile still stored in the
     * outbox, then refused with "restarting" while the stream can still say so; the outbox's buffer stored;
     * the stream closed; the receipt records written. What is not begun stays in the queues for the next start.
     */
    @Override
    public void close() {
        LOG.info("bridge stopping");
        ShutdownBudget budget = new ShutdownBudget(stopTimeout);
        Duration lastSteps = ShutdownBudget.OUTBOX_FLUSH.plus(ShutdownBudget.STREAM_CLOSE).plus(ShutdownBudget.RECEIPTS);
        consumer.stop();
        outboxConsumer.stop();
        try {
            for (Thread thread : consumerThreads) {
                thread.join(budget.joinMillis(lastSteps));
            }
            for (Thread thread : outboxThreads) {
                thread.join(budget.joinMillis(lastSteps));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        outbox.stopAccepting();
        outbox.close(budget.leaving(ShutdownBudget.STREAM_CLOSE.plus(ShutdownBudget.RECEIPTS)));
        consumer.close();
        outboxConsumer.close();
        heartbeat.close();
        xmpp.close();
        emf.close();
        sentWriter.ifPresent(w -> w.close(budget.leaving(Duration.ZERO)));
        sqs.close();
        sqsTimeouts.close();
        dynamo.close();
        s3.close();
        LOG.info("bridge stopped");
    }

    /** The host and process, so `bin/admin status` can tell which bridge published what it shows. */
    private static String runsOn() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown host";
        }
        return host + ", pid " + ProcessHandle.current().pid();
    }

    private MediaStore mediaStore(BridgeConfig config) {
        if (config.mediaBucket().isEmpty()) {
            LOG.warn("MEDIA_BUCKET is not set: MMS media are passed on as the provider's URLs, some of which need its credentials to open");
            return MediaStore.PASS_THROUGH;
        }
        String bucket = config.mediaBucket().get();
        String base = config.mediaBaseUrl().map(URI::toString).orElseGet(() -> config.awsEndpoint()
                .map(endpoint -> endpoint.toString().replaceAll("/+$", "") + "/" + bucket)
                .orElseGet(() -> "https://" + bucket + ".s3." + s3.serviceClientConfiguration().region().id()
                        + ".amazonaws.com"));
        return new S3MediaStore(s3, bucket, base);
    }

    private static <B extends AwsClientBuilder<B, ?>> B aws(B builder, BridgeConfig config, Optional<URI> endpoint) {
        config.awsRegion().map(Region::of).ifPresent(builder::region);
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }
}
