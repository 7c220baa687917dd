package org.smsoverxmpp.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.events.QueueEvent;
import org.smsoverxmpp.webhook.logging.CapturedLines;
import org.smsoverxmpp.webhook.queue.EventQueue;
import org.smsoverxmpp.webhook.secrets.SecretSource;
import org.smsoverxmpp.webhook.signalwire.SignalWireCredentials;
import org.smsoverxmpp.webhook.signalwire.SignalWireWebhooks;
import org.smsoverxmpp.webhook.telnyx.TelnyxPayloads;
import org.smsoverxmpp.webhook.telnyx.TelnyxPublicKey;
import org.smsoverxmpp.webhook.telnyx.TelnyxRequestSigner;
import org.smsoverxmpp.webhook.telnyx.TelnyxWebhooks;
import org.smsoverxmpp.webhook.twilio.FixedSecret;
import org.smsoverxmpp.webhook.twilio.TwilioFormFixtures;
import org.smsoverxmpp.webhook.twilio.TwilioSecret;
import org.smsoverxmpp.webhook.twilio.TwilioSignatures;
import org.smsoverxmpp.webhook.twilio.TwilioWebhooks;

/**
 * What the function writes to CloudWatch at INFO, through the logging the package really uses, holds no
 * message body, no token and no phone number beyond its last 4 digits, whatever happens to the request; and
 * every line is a JSON object carrying the invocation's request id.
 */
class WebhookLogsTest {
    static final String ACCOUNT = "AC44444444444444444444444444444444";
    static final String TOKEN = "tok-9f8e7d6c5b4a";
    static final String FRIEND = TwilioFormFixtures.THEIR_NUMBER;
    static final String OURS = TwilioFormFixtures.OUR_NUMBER;
    static final String BODY = "the spare key is under the blue flowerpot";
    static final String URL = ApiGatewayEvents.BASE_URL;

    static final String REQUEST_ID = "8f1c2b7e-3d4a-4b5c-9e6f-0a1b2c3d4e5f";
    static final KeyPair TELNYX = TelnyxRequestSigner.newKeyPair();
    static final String PROJECT = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d";
    static final String SIGNING_KEY = "PSK-7d6c5b4a3f2e1d0c";

    private final List<QueueEvent> enqueued = new ArrayList<>();
    private TelnyxPublicKey telnyxKey = TelnyxPublicKey.of(TELNYX.getPublic());
    private boolean queueDown;
    private CapturedLines output;

    @BeforeEach
    void captureWhatCloudWatchWouldGet() {
        output = new CapturedLines();
    }

    @AfterEach
    void stopCapturing() {
        output.close();
    }

    private int post(String route, Map<String, String> form, String signature) {
        return post(route, WebhookServiceTest.encode(form), signature);
    }

    private int post(String route, String body, String signature) {
        return handle(ApiGatewayEvents.formPost(route, body, signature));
    }

    /** Through the Lambda's entry point, every provider enabled, with a queue whose failure quotes the event's numbers. */
    private int handle(APIGatewayProxyRequestEvent request) {
        EventQueue queue = event -> {
            if (queueDown) {
                throw new EventQueue.QueueUnavailableException("SQS did not accept " + event.messageId()
                        + ": HTTP 500 InternalError", new RuntimeException("group " + event.messageGroupId()));
            }
            enqueued.add(event);
        };
        TwilioSecret secret = new TwilioSecret(new FixedSecret(ACCOUNT, TOKEN), "twilio", Duration.ofMinutes(5),
                Clock.systemUTC());
        WebhookService service = new WebhookService(List.of(new TwilioWebhooks(secret, Optional.empty()),
                new TelnyxWebhooks(SecretSource.fixed(telnyxKey), Clock.systemUTC()),
                new SignalWireWebhooks(SecretSource.fixed(new SignalWireCredentials(PROJECT, SIGNING_KEY)))), queue, 65536,
                Clock.systemUTC());
        return new WebhookHandler(service, Optional.empty()).handleRequest(request, new InvocationContext(REQUEST_ID))
                .getStatusCode();
    }

    private int postSigned(String route, Map<String, String> form) {
        return post(route, form, TwilioSignatures.of(TOKEN, URL + route, form));
    }

    private static Map<String, String> sms() {
        Map<String, String> form = TwilioFormFixtures.sms(ACCOUNT);
        form.put("Body", BODY);
        return form;
    }

    private static Map<String, String> status() {
        Map<String, String> form = TwilioFormFixtures.status(ACCOUNT);
        form.put("MessageStatus", "undelivered");
        form.put("ErrorCode", "30003");
        form.put("From", OURS);
        form.put("To", FRIEND);
        return form;
    }

    private void assertNothingPrivateWasLogged() {
        List<String> lines = output.lines();
        String logs = String.join("\n", lines);
        assertThat(lines).as("something was logged, so the check below means something").isNotEmpty();
        // Each line is one JSON event of this invocation, which CloudWatch and Lambda's log filters can read.
        for (JsonNode event : output.events()) {
            if (event.has("_aws")) {
                // The cold-start metric: a bare embedded-metric-format line, with numbers only.
                assertThat(event.path(ColdStartMetric.COLD_START).asInt()).isEqualTo(1);
                continue;
            }
            assertThat(event.path("requestId").asText()).isEqualTo(REQUEST_ID);
            assertThat(event.path("level").asText()).isIn("INFO", "WARN", "ERROR");
            assertThat(event.path("timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
        }
        for (String number : List.of(FRIEND, OURS)) {
            assertThat(logs).doesNotContain(number).doesNotContain(number.substring(2, 9));
        }
        assertThat(logs).doesNotContain("flowerpot").doesNotContain("spare key").doesNotContain(TOKEN)
                .doesNotContain(SIGNING_KEY);
    }

    private List<String> messages() {
        return output.events().stream().map(event -> event.path("message").asText()).toList();
    }

    @Test
    void acceptedSmsIsLoggedByTheLastFourDigitsOfItsNumbers() {
        assertThat(postSigned("/sms", sms())).isEqualTo(200);

        assertNothingPrivateWasLogged();
        assertThat(messages()).anyMatch(message -> message.contains("…4321") && message.contains("…1111"));
    }

    @Test
    void smsRefusedForItsFieldsLogsNoNumberOrBody() {
        Map<String, String> form = sms();
        form.put("To", "72345");
        form.put("From", FRIEND + "0000000");

        assertThat(postSigned("/sms", form)).isEqualTo(400);

        assertNothingPrivateWasLogged();
    }

    @Test
    void smsWithAForgedSignatureLogsNoNumberBodyOrToken() {
        assertThat(post("/sms", sms(), TwilioSignatures.of("forger", URL + "/sms", sms()))).isEqualTo(403);

        assertNothingPrivateWasLogged();
    }

    @Test
    void smsTheQueueCouldNotTakeLogsNoNumberOrBody() {
        queueDown = true;

        assertThat(postSigned("/sms", sms())).isEqualTo(503);

        assertNothingPrivateWasLogged();
    }

    @Test
    void repeatedFormFieldIsNamedOnlyIfItLooksLikeATwilioField() {
        String field = WebhookServiceTest.encode(Map.of("call " + FRIEND, "now"));
        String body = WebhookServiceTest.encode(sms()) + "&" + field + "&" + field;

        assertThat(post("/sms", body, TwilioSignatures.of(TOKEN, URL + "/sms", sms()))).isEqualTo(400);

        assertNothingPrivateWasLogged();
    }

    @Test
    void acceptedStatusCallbackIsLoggedByTheLastFourDigitsOfItsNumbers() {
        assertThat(postSigned("/status", status())).isEqualTo(200);

        assertNothingPrivateWasLogged();
        assertThat(messages()).anyMatch(message -> message.contains("…1111") && message.contains("…4321"));
    }

    @Test
    void statusCallbackRefusedForItsFieldsLogsNoNumber() {
        Map<String, String> form = status();
        form.remove("MessageStatus");

        assertThat(postSigned("/status", form)).isEqualTo(400);

        assertNothingPrivateWasLogged();
    }

    private int postTelnyx(ObjectNode event) {
        String body = event.toString();
        return handle(ApiGatewayEvents.jsonPost("/telnyx/events", body, TelnyxRequestSigner.headers(TELNYX.getPrivate(),
                Instant.now(), body.getBytes(StandardCharsets.UTF_8))));
    }

    private static ObjectNode telnyxSms() {
        ObjectNode event = TelnyxPayloads.received();
        TelnyxPayloads.payload(event).put("text", BODY);
        ((ObjectNode) TelnyxPayloads.payload(event).path("from")).put("phone_number", FRIEND);
        ((ObjectNode) TelnyxPayloads.payload(event).path("to").get(0)).put("phone_number", OURS);
        return event;
    }

    @Test
    void acceptedTelnyxSmsIsLoggedByTheLastFourDigitsOfItsNumbers() {
        assertThat(postTelnyx(telnyxSms())).isEqualTo(200);

        assertNothingPrivateWasLogged();
        assertThat(output.lines()).anyMatch(line -> line.contains("…4321") && line.contains("…1111"));
    }

    @Test
    void telnyxSmsRefusedForItsFieldsLogsNoNumberOrBody() {
        ObjectNode event = telnyxSms();
        ((ObjectNode) TelnyxPayloads.payload(event).path("from")).put("phone_number", FRIEND + "0000000");

        assertThat(postTelnyx(event)).isEqualTo(400);

        assertNothingPrivateWasLogged();
    }

    @Test
    void telnyxEventsTheGatewayIgnoresAreLoggedByTheirTypeOnly() {
        ObjectNode event = telnyxSms();
        ((ObjectNode) event.path("data")).put("event_type", "call.initiated");

        assertThat(postTelnyx(event)).isEqualTo(200);

        assertNothingPrivateWasLogged();
        assertThat(output.lines()).anyMatch(line -> line.contains("ignored /telnyx/events: event call.initiated"));
    }

    @Test
    void telnyxWebhookWithAForgedSignatureLogsNoNumberOrBody() {
        String body = telnyxSms().toString();
        KeyPair forger = TelnyxRequestSigner.newKeyPair();

        assertThat(handle(ApiGatewayEvents.jsonPost("/telnyx/events", body, TelnyxRequestSigner.headers(
                forger.getPrivate(), Instant.now(), body.getBytes(StandardCharsets.UTF_8))))).isEqualTo(403);

        assertNothingPrivateWasLogged();
    }

    @Test
    void anUnusableTelnyxKeyIsLoggedWithWhatIsWrongAndNothingPrivate() {
        telnyxKey = TelnyxPublicKey.parse("REPLACE_ME");

        assertThat(postTelnyx(telnyxSms())).isEqualTo(503);

        assertNothingPrivateWasLogged();
        assertThat(output.lines()).anyMatch(line -> line.contains("TELNYX_SECRET_ID") && line.contains("publicKey"));
    }

    @Test
    void acceptedSignalWireSmsIsLoggedByTheLastFourDigitsOfItsNumbers() {
        Map<String, String> form = sms();
        form.put("AccountSid", PROJECT);
        String body = WebhookServiceTest.encode(form);
        APIGatewayProxyRequestEvent event = ApiGatewayEvents.formPost("/signalwire/sms", body,
                TwilioSignatures.of(SIGNING_KEY, URL + "/signalwire/sms", form));

        assertThat(handle(event)).isEqualTo(200);

        assertNothingPrivateWasLogged();
        assertThat(output.lines()).anyMatch(line -> line.contains("…4321") && line.contains("…1111"));
    }
}
