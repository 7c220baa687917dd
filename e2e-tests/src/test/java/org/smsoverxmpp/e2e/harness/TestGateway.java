package org.smsoverxmpp.e2e.harness;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.smsoverxmpp.bridge.Bridge;
import org.smsoverxmpp.local.DirectTlsPort;
import org.smsoverxmpp.local.ElasticMqServer;
import org.smsoverxmpp.local.LocalAws;
import org.smsoverxmpp.local.MotoServer;
import org.smsoverxmpp.local.EjabberdServer;
import org.smsoverxmpp.local.ProsodyServer;
import org.smsoverxmpp.local.TelnyxWebhookEvents;
import org.smsoverxmpp.local.TwilioWebhookForms;
import org.smsoverxmpp.local.XmppServer;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.config.BridgeConfig;
import org.smsoverxmpp.bridge.mapping.DynamoMappingStore;
import org.smsoverxmpp.bridge.mapping.Mapping;
import org.smsoverxmpp.webhook.WebhookConfig;
import org.smsoverxmpp.webhook.WebhookHandler;
import org.smsoverxmpp.webhook.WebhookWiring;
import org.smsoverxmpp.webhook.telnyx.TelnyxRequestSigner;
import org.smsoverxmpp.webhook.twilio.TwilioRequestSigner;

/**
 * The whole gateway on this machine: real Prosody (or ejabberd), ElasticMQ as SQS, moto_server as the rest of AWS,
 * WireMock as Twilio and as Telnyx, the real Lambda
 * handler (called with API Gateway proxy events) and the real bridge.
 */
public final class TestGateway implements AutoCloseable {
    public static final String COMPONENT = "sms.localhost";
    public static final String COMPONENT_SECRET = "component-secret-for-tests";
    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "auth-token-for-tests";
    public static final String API_KEY_SID = "SK0123456789abcdef0123456789abcdef";
    public static final String API_KEY_SECRET = "api-key-secret-for-tests";
    public static final String API_HOST = "abc123.execute-api.us-east-1.amazonaws.com";
    public static final String WEBHOOK_BASE = "https://" + API_HOST + "/prod";
    public static final String PASSWORD = "user-password";
    public static final String TELNYX_API_KEY = "KEY0123456789ABCDEF_telnyx-key-for-tests";
    public static final String TELNYX_EVENTS = "/telnyx/events";

    public final Path dir;
    public final MotoServer moto;
    public final ElasticMqServer queues;
    public final XmppServer xmpp;
    public final TwilioFake twilio;
    public final TelnyxFake telnyx;
    /** Stands in for Telnyx's signing key: its public half is in the webhook's Telnyx secret. */
    public final KeyPair telnyxSigningKey = TelnyxRequestSigner.newKeyPair();
    public final LocalAws aws;
    public final WebhookHandler webhook;
    public final DynamoMappingStore mappings;
    private final Optional<TestCa> ca;
    private Bridge bridge;

    /** The XMPP servers the suite runs against. */
    public enum Server {
        PROSODY, EJABBERD;

        XmppServer start(Path dir, Optional<DirectTlsPort> tls) {
            Path home = dir.resolve(name().toLowerCase(Locale.ROOT));
            if (this == PROSODY) {
                return tls.map(port -> ProsodyServer.start(home, COMPONENT, COMPONENT_SECRET, port))
                        .orElseGet(() -> ProsodyServer.start(home, COMPONENT, COMPONENT_SECRET));
            }
            return tls.map(port -> EjabberdServer.start(home, COMPONENT, COMPONENT_SECRET, port))
                    .orElseGet(() -> EjabberdServer.start(home, COMPONENT, COMPONENT_SECRET));
        }
    }

    private TestGateway(String name, int visibilityTimeoutSeconds, Server server, boolean tls) throws IOException {
        dir = Files.createDirectories(Path.of("target", "e2e", name + "-" + System.currentTimeMillis()).toAbsolutePath());
        moto = MotoServer.start(dir);
        queues = ElasticMqServer.start();
        ca = tls ? Optional.of(TestCa.create(dir.resolve("ca"), "sms-over-xmpp test CA")) : Optional.empty();
        xmpp = server.start(dir, ca.map(authority -> authority.issue(COMPONENT)));
        twilio = new TwilioFake();
        telnyx = new TelnyxFake();
        aws = new LocalAws(moto.endpoint(), queues.endpoint(), "-" + Long.toString(System.nanoTime(), 36), visibilityTimeoutSeconds,
                "{\"accountSid\":\"" + ACCOUNT_SID + "\",\"authToken\":\"" + AUTH_TOKEN + "\",\"apiKeySid\":\""
                        + API_KEY_SID + "\",\"apiKeySecret\":\"" + API_KEY_SECRET + "\"}");
        // Both providers enabled, as a deployment for Twilio and Telnyx has them.
        Map<String, String> webhookEnv = new HashMap<>(aws.webhookEnvironment());
        webhookEnv.put("TELNYX_SECRET_ID", aws.putSecret("telnyx-webhook",
                "{\"publicKey\":\"" + TelnyxRequestSigner.portalForm(telnyxSigningKey.getPublic()) + "\"}"));
        webhook = new WebhookHandler(WebhookWiring.fromEnvironment(WebhookConfig.from(webhookEnv)));
        mappings = new DynamoMappingStore(aws.dynamo, aws.table, aws.numberIndex);
    }

    /** Starts everything but the bridge; {@link #startBridge()} starts it. */
    public static TestGateway start(String name, int visibilityTimeoutSeconds) {
        return start(name, visibilityTimeoutSeconds, Server.PROSODY);
    }

    public static TestGateway start(String name, int visibilityTimeoutSeconds, Server server) {
        return start(name, visibilityTimeoutSeconds, server, false);
    }

    /**
     * The server also accepts the component over direct TLS, presenting a certificate for {@link #COMPONENT}
     * from {@link #ca()} (Prosody answers SNI only for names it hosts, so the certificate is for one of them).
     */
    public static TestGateway startOverTls(String name, int visibilityTimeoutSeconds, Server server) {
        return start(name, visibilityTimeoutSeconds, server, true);
    }

    private static TestGateway start(String name, int visibilityTimeoutSeconds, Server server, boolean tls) {
        try {
            return new TestGateway(name, visibilityTimeoutSeconds, server, tls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CA that issued the server's certificate, when started over TLS. */
    public TestCa ca() {
        return ca.orElseThrow(() -> new IllegalStateException("this gateway was not started over TLS"));
    }

    /** The bridge's environment, as ECS would give it: in cleartext, through {@code xmppPort} on loopback. */
    public Map<String, String> bridgeEnvironment(int xmppPort) {
        return withGatewaySettings(xmpp.bridgeEnvironment(xmppPort));
    }

    /** Over the server's direct-TLS port, verifying the certificate; the test says how the bridge gets the CA. */
    public Map<String, String> bridgeTlsEnvironment() {
        return withGatewaySettings(xmpp.bridgeTlsEnvironment());
    }

    private Map<String, String> withGatewaySettings(Map<String, String> xmppEnvironment) {
        Map<String, String> env = new HashMap<>(xmppEnvironment);
        env.putAll(aws.bridgeEnvironment());
        env.put("XMPP_PING_TIMEOUT_SECONDS", "5");
        env.put("XMPP_AUTH_RETRY_SECONDS", "2");
        env.put("QUEUE_WAIT_SECONDS", "1");
        env.put("TWILIO_ACCOUNT_SID", ACCOUNT_SID);
        env.put("TWILIO_API_KEY_SID", API_KEY_SID);
        env.put("TWILIO_API_KEY_SECRET", API_KEY_SECRET);
        env.put("TWILIO_API_BASE_URL", twilio.baseUrl());
        env.put("TWILIO_STATUS_CALLBACK_URL", WEBHOOK_BASE + "/status");
        env.put("TELNYX_API_KEY", TELNYX_API_KEY);
        env.put("TELNYX_API_BASE_URL", telnyx.baseUrl());
        env.put("TELNYX_WEBHOOK_URL", WEBHOOK_BASE + TELNYX_EVENTS);
        // Twilio unless a mapping names Telnyx; a suite may make Telnyx the default.
        env.put("SMS_PROVIDER", "twilio");
        env.put("SEND_RETRY_BASE_MS", "50");
        // A bounce is retried with a growing delay; the tests give up (to the dead-letter queue) within seconds.
        env.put("INBOUND_RETRY_GIVE_UP_SECONDS", "10");
        return env;
    }

    public Bridge startBridge() {
        return startBridge(bridgeEnvironment(xmpp.componentPort()));
    }

    public Bridge startBridge(Map<String, String> env) {
        bridge = Bridge.start(BridgeConfig.from(env));
        return bridge;
    }

    public void stopBridge() {
        if (bridge != null) {
            bridge.close();
            bridge = null;
        }
    }

    public Bridge bridge() {
        return bridge;
    }

    /** A Prosody account mapped to {@code number}, logged in with Smack. */
    public XmppUser user(String name, String number) throws Exception {
        return user(name, Optional.ofNullable(number), Optional.empty());
    }

    /** An account mapped to {@code number} at {@code provider} ({@code telnyx}), logged in with Smack. */
    public XmppUser user(String name, String number, String provider) throws Exception {
        return user(name, Optional.of(number), Optional.of(provider));
    }

    private XmppUser user(String name, Optional<String> number, Optional<String> provider) throws Exception {
        xmpp.register(name, PASSWORD);
        if (number.isPresent()) {
            mappings.put(new Mapping(XmppUser.jid(name + "@" + XmppServer.DOMAIN), new PhoneNumber(number.get()), provider));
        }
        return new XmppUser(xmpp.c2sPort(), name, PASSWORD);
    }

    /** An inbound SMS or MMS exactly as Telnyx posts it ({@code message.received}), signed now. */
    public APIGatewayProxyResponseEvent postTelnyxSms(String id, String from, String to, String text,
            Map<String, String> media) {
        return postTelnyx(TelnyxWebhookEvents.received(id, from, to, text, media), Instant.now());
    }

    /** A {@code message.finalized} event for a message we sent, signed now. */
    public APIGatewayProxyResponseEvent postTelnyxFinalized(String id, String from, String to, String status,
            String errorCode, String errorTitle) {
        return postTelnyx(TelnyxWebhookEvents.status("message.finalized", id, from, to, status, errorCode, errorTitle),
                Instant.now());
    }

    /** {@code body} as Telnyx posts it, signed with {@link #telnyxSigningKey} as if sent at {@code sentAt}. */
    public APIGatewayProxyResponseEvent postTelnyx(byte[] body, Instant sentAt) {
        return postTelnyx(body, TelnyxRequestSigner.headers(telnyxSigningKey.getPrivate(), sentAt, body));
    }

    /** {@code body} with exactly these signature headers (forged, stale, missing: the test says). */
    public APIGatewayProxyResponseEvent postTelnyx(byte[] body, Map<String, String> signatureHeaders) {
        Map<String, String> headers = new HashMap<>(signatureHeaders);
        headers.put("Host", API_HOST);
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "telnyx-webhooks");
        return webhook.handleRequest(apiGatewayEvent(TELNYX_EVENTS, headers, new String(body, StandardCharsets.UTF_8)),
                null);
    }

    public static Map<String, String> smsForm(String sid, String from, String to, String body) {
        return TwilioWebhookForms.sms(sid, ACCOUNT_SID, from, to, body);
    }

    /** An inbound SMS exactly as Twilio posts it, signed with the account's auth token. */
    public APIGatewayProxyResponseEvent postSms(String sid, String from, String to, String body) {
        Map<String, String> form = smsForm(sid, from, to, body);
        return post("/sms", form, TwilioRequestSigner.sign(AUTH_TOKEN, WEBHOOK_BASE + "/sms", form));
    }

    /** An MMS as Twilio posts it: {@code media} maps each URL to its content type, in order. */
    public APIGatewayProxyResponseEvent postMms(String sid, String from, String to, String body, Map<String, String> media) {
        Map<String, String> form = smsForm(sid, from, to, body);
        form.put("NumMedia", Integer.toString(media.size()));
        int i = 0;
        for (Map.Entry<String, String> item : media.entrySet()) {
            form.put("MediaUrl" + i, item.getKey());
            form.put("MediaContentType" + i, item.getValue());
            i++;
        }
        return post("/sms", form, TwilioRequestSigner.sign(AUTH_TOKEN, WEBHOOK_BASE + "/sms", form));
    }

    /** A delivery-status callback exactly as Twilio posts it, signed. */
    public APIGatewayProxyResponseEvent postStatus(String sid, String status, String errorCode, String from, String to) {
        Map<String, String> form = TwilioWebhookForms.status(sid, ACCOUNT_SID, status, errorCode, from, to);
        return post("/status", form, TwilioRequestSigner.sign(AUTH_TOKEN, WEBHOOK_BASE + "/status", form));
    }

    /** Waits until the bridge has recorded {@code sid} for its status callbacks. */
    public void awaitSentRecord(String sid) {
        org.awaitility.Awaitility.await("the bridge recording " + sid).atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(20)).until(() -> {
                    var item = aws.dynamo.getItem(r -> r.tableName(aws.sentTable).consistentRead(true)
                            .key(Map.of("sid", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(sid)))).item();
                    return item != null && !item.isEmpty();
                });
    }

    /** A webhook through the real handler, as API Gateway (REST, stage "prod") hands it over. */
    public APIGatewayProxyResponseEvent post(String route, Map<String, String> form, String signature) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Host", API_HOST);
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
        headers.put("User-Agent", "TwilioProxy/1.1");
        if (signature != null) {
            headers.put("X-Twilio-Signature", signature);
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return webhook.handleRequest(apiGatewayEvent(route, headers, body), null);
    }

    private static APIGatewayProxyRequestEvent apiGatewayEvent(String route, Map<String, String> headers, String body) {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST").withResource(route).withPath(route).withHeaders(headers)
                .withRequestContext(new ProxyRequestContext().withStage("prod").withPath("/prod" + route))
                .withBody(body).withIsBase64Encoded(false);
    }

    @Override
    public void close() {
        stopBridge();
        for (AutoCloseable resource : new AutoCloseable[] {aws, twilio, telnyx, xmpp, queues, moto}) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("cleanup failed: " + e);
            }
        }
    }
}
