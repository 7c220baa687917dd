package org.smsoverxmpp.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.events.DeliveryStatus;
import org.smsoverxmpp.events.InboundSms;
import org.smsoverxmpp.events.Media;
import org.smsoverxmpp.events.MessageStatus;
import org.smsoverxmpp.events.QueueEvent;
import org.smsoverxmpp.webhook.http.WebhookRequest;
import org.smsoverxmpp.webhook.http.WebhookResponse;
import org.smsoverxmpp.webhook.provider.Received;
import org.smsoverxmpp.webhook.provider.WebhookProvider;
import org.smsoverxmpp.webhook.provider.WebhookRoute;
import org.smsoverxmpp.webhook.queue.EventQueue;
import org.smsoverxmpp.webhook.twilio.FixedSecret;
import org.smsoverxmpp.webhook.twilio.TwilioSecret;
import org.smsoverxmpp.webhook.twilio.TwilioSignatures;
import org.smsoverxmpp.webhook.twilio.TwilioWebhooks;

class WebhookServiceTest {
    static final String ACCOUNT = "AC11111111111111111111111111111111";
    static final String TOKEN = "test-auth-token";
    static final String BASE = "https://abc.execute-api.us-east-1.amazonaws.com/prod";
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final List<QueueEvent> enqueued = new ArrayList<>();
    private boolean queueDown;
    private final EventQueue queue = event -> {
        if (queueDown) {
            throw new EventQueue.QueueUnavailableException("down", new RuntimeException("SQS 500"));
        }
        enqueued.add(event);
    };
    private final WebhookService service = new WebhookService(List.of(new TwilioWebhooks(
            new TwilioSecret(new FixedSecret(ACCOUNT, TOKEN), "twilio", Duration.ofMinutes(5), Clock.systemUTC()),
            Optional.empty())), queue, 4096, Clock.fixed(NOW, ZoneOffset.UTC));

    static Map<String, String> smsForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM0001");
        form.put("SmsMessageSid", "SM0001");
        form.put("AccountSid", ACCOUNT);
        form.put("From", "+15550001111");
        form.put("To", "+15552223333");
        form.put("Body", "hello 👋 & goodbye");
        form.put("NumMedia", "0");
        return form;
    }

    static WebhookRequest signed(String route, Map<String, String> form) {
        String url = BASE + route;
        return request(route, url, form, TwilioSignatures.of(TOKEN, url, form));
    }

    static WebhookRequest request(String route, String url, Map<String, String> form, String signature) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/x-www-form-urlencoded; charset=utf-8");
        if (signature != null) {
            headers.put("x-twilio-signature", signature);
        }
        return new WebhookRequest("POST", route, url, headers, encode(form).getBytes(StandardCharsets.UTF_8));
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Test
    void signedSmsIsEnqueuedAndAnsweredWithEmptyTwiml() {
        WebhookResponse response = service.handle(signed("/twilio/sms", smsForm()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/xml");
        assertThat(response.body()).contains("<Response/>");
        assertThat(enqueued).containsExactly(new InboundSms("twilio", "SM0001", "+15550001111", "+15552223333",
                "hello 👋 & goodbye", List.of(), NOW));
    }

    @Test
    void mmsCarriesEveryMediaItem() {
        Map<String, String> form = smsForm();
        form.put("NumMedia", "2");
        form.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1");
        form.put("MediaContentType0", "image/jpeg");
        form.put("MediaUrl1", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2");
        form.put("MediaContentType1", "application/smil");

        assertThat(service.handle(signed("/twilio/sms", form)).status()).isEqualTo(200);
        assertThat(((InboundSms) enqueued.get(0)).media()).extracting(Media::contentType)
                .containsExactly("image/jpeg", "application/smil");
    }

    @Test
    void statusCallbackBecomesDeliveryStatus() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM0002");
        form.put("AccountSid", ACCOUNT);
        form.put("MessageStatus", "undelivered");
        form.put("ErrorCode", "30003");
        form.put("From", "+15552223333");
        form.put("To", "+15550001111");

        assertThat(service.handle(signed("/twilio/status", form)).status()).isEqualTo(200);
        assertThat(enqueued).containsExactly(new DeliveryStatus("twilio", "SM0002", MessageStatus.UNDELIVERED, "30003", null,
                "+15552223333", "+15550001111", NOW));
    }

    @Test
    void missingSignatureIsForbiddenAndNothingIsEnqueued() {
        WebhookRequest unsigned = request("/twilio/sms", BASE + "/twilio/sms", smsForm(), null);

        assertThat(service.handle(unsigned).status()).isEqualTo(403);
        assertThat(enqueued).isEmpty();
    }

    @Test
    void signatureForAnotherBodyIsForbidden() {
        Map<String, String> form = smsForm();
        String signature = TwilioSignatures.of(TOKEN, BASE + "/twilio/sms", form);
        form.put("Body", "tampered");

        assertThat(service.handle(request("/twilio/sms", BASE + "/twilio/sms", form, signature)).status()).isEqualTo(403);
        assertThat(enqueued).isEmpty();
    }

    @Test
    void anotherAccountIsForbiddenEvenWhenSignedWithOurToken() {
        Map<String, String> form = smsForm();
        form.put("AccountSid", "AC99999999999999999999999999999999");

        WebhookResponse response = service.handle(signed("/twilio/sms", form));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("AccountSid");
        assertThat(enqueued).isEmpty();
    }

    @Test
    void wrongContentTypeIs415() {
        WebhookRequest json = new WebhookRequest("POST", "/twilio/sms", BASE + "/twilio/sms",
                Map.of("Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(service.handle(json).status()).isEqualTo(415);
    }

    @Test
    void oversizedBodyIs413() {
        Map<String, String> form = smsForm();
        form.put("Body", "x".repeat(5000));

        assertThat(service.handle(signed("/twilio/sms", form)).status()).isEqualTo(413);
        assertThat(enqueued).isEmpty();
    }

    @Test
    void missingRequiredFieldIs400AndNamesTheField() {
        Map<String, String> form = smsForm();
        form.remove("From");

        WebhookResponse response = service.handle(signed("/twilio/sms", form));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("'From'");
    }

    @Test
    void smsFromAnAddressNoJidCanHoldIs400AndNothingIsEnqueued() {
        Map<String, String> form = smsForm();
        form.put("From", "+1" + "5".repeat(2000));

        WebhookResponse response = service.handle(signed("/twilio/sms", form));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("From");
        assertThat(enqueued).isEmpty();
    }

    @Test
    void smsLongerThanTwilioSendsIs400AndNothingIsEnqueued() {
        Map<String, String> form = smsForm();
        form.put("Body", "x".repeat(1601));

        assertThat(service.handle(signed("/twilio/sms", form)).status()).isEqualTo(400);
        assertThat(enqueued).isEmpty();
    }

    @Test
    void mediaCountWithoutMediaUrlIs400() {
        Map<String, String> form = smsForm();
        form.put("NumMedia", "1");

        assertThat(service.handle(signed("/twilio/sms", form)).body()).contains("MediaUrl0");
    }

    @Test
    void repeatedParameterIs400() {
        WebhookRequest request = signed("/twilio/sms", smsForm());
        byte[] doubled = (new String(request.body(), StandardCharsets.UTF_8) + "&Body=again").getBytes(StandardCharsets.UTF_8);

        WebhookResponse response = service.handle(
                new WebhookRequest("POST", "/twilio/sms", request.calledUrl(), request.headers(), doubled));

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void unknownRouteIs404AndGetIs405() {
        assertThat(service.handle(signed("/voice", smsForm())).status()).isEqualTo(404);
        assertThat(service.handle(new WebhookRequest("GET", "/twilio/sms", BASE + "/twilio/sms", Map.of(), null)).status())
                .isEqualTo(405);
    }

    @Test
    void queueFailureIs503SoTheProviderRetries() {
        queueDown = true;

        WebhookResponse response = service.handle(signed("/twilio/sms", smsForm()));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void theRoutesFromBeforeProvidersHadTheirOwnStillTakeTwiliosForms() {
        Map<String, String> status = new LinkedHashMap<>();
        status.put("MessageSid", "SM0002");
        status.put("AccountSid", ACCOUNT);
        status.put("MessageStatus", "delivered");

        assertThat(service.handle(signed("/sms", smsForm())).status()).isEqualTo(200);
        assertThat(service.handle(signed("/status", status)).status()).isEqualTo(200);
        assertThat(enqueued).hasSize(2).first().isInstanceOf(InboundSms.class);
        assertThat(enqueued.get(1)).isInstanceOf(DeliveryStatus.class);
    }

    @Test
    void aRouteOfAProviderThatIsNotEnabledIs404() {
        for (String route : List.of("/telnyx/events", "/signalwire/sms", "/signalwire/status")) {
            WebhookRequest request = new WebhookRequest("POST", route, BASE + route,
                    Map.of("Content-Type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));

            WebhookResponse response = service.handle(request);

            assertThat(response.status()).as(route).isEqualTo(404);
            assertThat(response.body()).contains(route);
        }
        assertThat(enqueued).isEmpty();
    }

    @Test
    void eachRouteNamesTheMediaTypeItTakesAndAnswersAsItsProviderWants() {
        WebhookService jsonOnly = new WebhookService(List.of(new OneRouteProvider(new Received.Ignored("a call"))),
                queue, 4096, Clock.fixed(NOW, ZoneOffset.UTC));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        WebhookResponse form = jsonOnly.handle(new WebhookRequest("POST", OneRouteProvider.PATH, BASE,
                Map.of("Content-Type", "application/x-www-form-urlencoded"), body));
        WebhookResponse json = jsonOnly.handle(new WebhookRequest("POST", OneRouteProvider.PATH, BASE,
                Map.of("Content-Type", "application/json; charset=utf-8"), body));

        assertThat(form.status()).isEqualTo(415);
        assertThat(form.body()).contains("application/json");
        assertThat(json).isEqualTo(WebhookResponse.ok("application/json", "{\"ok\":true}"));
        assertThat(enqueued).as("an ignored webhook queues nothing").isEmpty();
    }

    @Test
    void twoProvidersMayNotClaimTheSameRoute() {
        OneRouteProvider one = new OneRouteProvider(new Received.Ignored("x"));

        assertThatThrownBy(() -> new WebhookService(List.of(one, one), queue, 4096, Clock.systemUTC()))
                .hasMessageContaining(OneRouteProvider.PATH);
    }

    /** A provider with one JSON route whose every request reads as {@code received}. */
    record OneRouteProvider(Received received) implements WebhookProvider, WebhookRoute {
        static final String PATH = "/example/events";

        @Override
        public String name() {
            return "example";
        }

        @Override
        public List<WebhookRoute> routes() {
            return List.of(this);
        }

        @Override
        public void readSecret() {
        }

        @Override
        public List<QueueEvent> prime(int count) {
            return List.of();
        }

        @Override
        public String path() {
            return PATH;
        }

        @Override
        public String mediaType() {
            return "application/json";
        }

        @Override
        public Received read(WebhookRequest request, Instant receivedAt) {
            return received;
        }

        @Override
        public WebhookResponse accepted() {
            return WebhookResponse.ok("application/json", "{\"ok\":true}");
        }
    }
}
