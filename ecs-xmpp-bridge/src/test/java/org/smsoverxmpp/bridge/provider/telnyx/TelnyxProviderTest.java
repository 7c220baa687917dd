package org.smsoverxmpp.bridge.provider.telnyx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.provider.SendResult;
import org.smsoverxmpp.bridge.provider.SmsRequest;

/** Telnyx's Messaging API as its documentation describes it, answered by WireMock: what is sent, and what each answer means. */
class TelnyxProviderTest {
    private static final List<Duration> QUICK_RETRIES = List.of(Duration.ofMillis(10), Duration.ofMillis(20));
    private final WireMockServer api = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    private TelnyxProvider telnyx;

    @BeforeEach
    void start() {
        api.start();
        telnyx = new TelnyxProvider(new TelnyxSettings("KEY_test", URI.create(api.baseUrl()),
                Optional.of(URI.create("https://hooks.example.com/prod/telnyx/events")), Optional.empty(), QUICK_RETRIES));
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    private static SmsRequest sms(String text, List<URI> media) {
        return new SmsRequest(new PhoneNumber("+15550001111"), "+15557654321", text, media);
    }

    private void answer(int status, String body) {
        api.stubFor(post("/v2/messages").willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void anSmsIsPostedAsJsonWithTheKeyAsBearerAndTheWebhookForItsReports() throws Exception {
        answer(200, "{\"data\":{\"id\":\"40385f64-5717-4562-b3fc-2c963f66afa6\",\"record_type\":\"message\"}}");

        assertThat(telnyx.send(sms("hi 👋", List.of()))).isEqualTo(new SendResult.Sent("40385f64-5717-4562-b3fc-2c963f66afa6"));

        api.verify(postRequestedFor(urlEqualTo("/v2/messages"))
                .withHeader("Authorization", equalTo("Bearer KEY_test"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"from\":\"+15550001111\",\"to\":\"+15557654321\",\"text\":\"hi 👋\","
                        + "\"webhook_url\":\"https://hooks.example.com/prod/telnyx/events\"}")));
    }

    @Test
    void aPictureWithoutACaptionGoesAsMediaUrlsWithoutText() throws Exception {
        answer(200, "{\"data\":{\"id\":\"m1\"}}");

        telnyx.send(sms("", List.of(URI.create("https://upload.example.com/a.jpg"))));

        api.verify(postRequestedFor(urlEqualTo("/v2/messages")).withRequestBody(equalToJson(
                "{\"from\":\"+15550001111\",\"to\":\"+15557654321\",\"media_urls\":[\"https://upload.example.com/a.jpg\"],"
                        + "\"webhook_url\":\"https://hooks.example.com/prod/telnyx/events\"}")));
    }

    @Test
    void aRefusalCarriesTelnyxsCodeAndWordsAndIsNotRetried() throws Exception {
        answer(422, "{\"errors\":[{\"code\":\"40310\",\"title\":\"Invalid 'to' address\","
                + "\"detail\":\"The 'to' address should be in E.164 format.\",\"source\":{\"pointer\":\"/to\"}}]}");

        SendResult result = telnyx.send(sms("hi", List.of()));

        assertThat(result).isEqualTo(new SendResult.Rejected(422, "40310",
                "Invalid 'to' address: The 'to' address should be in E.164 format."));
        assertThat(result.summary()).doesNotContain("E.164", "to'");
        api.verify(1, postRequestedFor(urlEqualTo("/v2/messages")));
    }

    @Test
    void a429IsRetriedAndOneSmsLeaves() throws Exception {
        api.stubFor(post("/v2/messages").inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody("{\"errors\":[{\"code\":\"10011\",\"title\":\"Too many requests\"}]}"))
                .willSetStateTo("calm"));
        api.stubFor(post("/v2/messages").inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200).withBody("{\"data\":{\"id\":\"m2\"}}")));

        assertThat(telnyx.send(sms("hi", List.of()))).isEqualTo(new SendResult.Sent("m2"));
        api.verify(2, postRequestedFor(urlEqualTo("/v2/messages")));
    }

    @Test
    void a503OnEveryTryIsUnavailableNotSent() throws Exception {
        answer(503, "{\"errors\":[{\"code\":\"10007\",\"title\":\"Unexpected error\"}]}");

        assertThat(telnyx.send(sms("hi", List.of()))).isEqualTo(new SendResult.Unavailable(503, "10007", "Unexpected error"));
        api.verify(3, postRequestedFor(urlEqualTo("/v2/messages")));
    }

    @Test
    void a500IsTelnyxFailingAndIsNotRetriedBecauseItMayHaveActed() throws Exception {
        answer(500, "<html>oops</html>");

        SendResult result = telnyx.send(sms("hi", List.of()));

        assertThat(result).isInstanceOfSatisfying(SendResult.Rejected.class, r -> {
            assertThat(r.isServerSide()).isTrue();
            assertThat(r.code()).isNull();
            assertThat(r.text()).isEqualTo("HTTP 500");
        });
        api.verify(1, postRequestedFor(urlEqualTo("/v2/messages")));
    }

    @Test
    void aConnectionCutAfterTheRequestLeftMayHaveSentItAndIsNotRetried() throws Exception {
        api.stubFor(post("/v2/messages").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(telnyx.send(sms("hi", List.of()))).isInstanceOf(SendResult.OutcomeUnknown.class);
        api.verify(1, postRequestedFor(urlEqualTo("/v2/messages")));
    }

    @Test
    void aServerThatIsNotListeningIsUnavailableAfterTheRetries() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TelnyxProvider nowhere = new TelnyxProvider(new TelnyxSettings("KEY_test", URI.create("http://127.0.0.1:" + closedPort),
                Optional.empty(), Optional.empty(), QUICK_RETRIES));

        assertThat(nowhere.send(sms("hi", List.of()))).isInstanceOfSatisfying(SendResult.Unavailable.class,
                u -> assertThat(u.answered()).isFalse());
    }

    @Test
    void anAcceptanceWithoutAnIdIsNotClaimedAsSent() throws Exception {
        answer(200, "{\"data\":{}}");

        assertThat(telnyx.send(sms("hi", List.of()))).isInstanceOf(SendResult.OutcomeUnknown.class);
    }

    @Test
    void deliveryErrorsAreToldInWordsWithTelnyxsTitleForCodesNotListed() {
        assertThat(telnyx.describeDeliveryError("40001", "Not routable"))
                .isEqualTo("Telnyx error 40001: the destination is a landline or cannot receive SMS");
        assertThat(telnyx.describeDeliveryError("40099", "Something new")).isEqualTo("Telnyx error 40099: Something new");
        assertThat(telnyx.describeDeliveryError(null, null)).isEqualTo("no error code from the carrier");
    }

    @Test
    void theApiKeyGoesToNoMediaHost() {
        assertThat(telnyx.mediaAccess().authorization(URI.create(api.baseUrl() + "/media/1.jpg"))).isEmpty();
    }
}
