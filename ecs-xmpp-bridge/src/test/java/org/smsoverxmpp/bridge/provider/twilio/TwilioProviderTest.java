package org.smsoverxmpp.bridge.provider.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.provider.SendResult;
import org.smsoverxmpp.bridge.provider.SmsProvider;
import org.smsoverxmpp.bridge.provider.SmsRequest;

/** Twilio's REST API, and SignalWire's copy of it, answered by WireMock: which answers are retried, and which never are. */
class TwilioProviderTest {
    private static final List<Duration> QUICK_RETRIES = List.of(Duration.ofMillis(10), Duration.ofMillis(20));
    private static final String MESSAGES = "/2010-04-01/Accounts/AC1/Messages.json";
    private final WireMockServer api = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

    @BeforeEach
    void start() {
        api.start();
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    private SmsProvider twilio() {
        return new TwilioSettings("twilio", "Twilio", TwilioCredentials.authToken("AC1", "token"), URI.create(api.baseUrl()),
                Optional.of(URI.create("https://hooks.example.com/prod/twilio/status")), true, QUICK_RETRIES).open(4);
    }

    private static SmsRequest sms() {
        return new SmsRequest(new PhoneNumber("+15550001111"), "+15557654321", "hi", List.of());
    }

    private void answer(String path, int status, String body) {
        api.stubFor(post(path).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void anAcceptedSmsIsSentWithItsStatusCallback() throws Exception {
        answer(MESSAGES, 201, "{\"sid\":\"SM123\",\"status\":\"queued\"}");

        assertThat(twilio().send(sms())).isEqualTo(new SendResult.Sent("SM123"));
        api.verify(postRequestedFor(urlEqualTo(MESSAGES))
                .withRequestBody(containing("StatusCallback=https%3A%2F%2Fhooks.example.com%2Fprod%2Ftwilio%2Fstatus")));
    }

    @Test
    void aRefusalCarriesTwiliosCodeAndIsNotRetried() throws Exception {
        answer(MESSAGES, 400, "{\"code\":21211,\"message\":\"The 'To' number +15557654321 is not a valid phone number.\",\"status\":400}");

        SendResult result = twilio().send(sms());

        assertThat(result).isInstanceOfSatisfying(SendResult.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo("21211");
            assertThat(r.httpStatus()).isEqualTo(400);
        });
        assertThat(result.summary()).doesNotContain("+1555");
        api.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void a503OnEveryTryIsUnavailableAfterTheRetries() throws Exception {
        answer(MESSAGES, 503, "{\"code\":20503,\"message\":\"Service unavailable\",\"status\":503}");

        assertThat(twilio().send(sms())).isEqualTo(new SendResult.Unavailable(503, "20503", "Service unavailable"));
        api.verify(3, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void aLostAnswerMayHaveSentItAndIsNotRetried() throws Exception {
        api.stubFor(post(MESSAGES).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(twilio().send(sms())).isInstanceOf(SendResult.OutcomeUnknown.class);
        api.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
    }

    @Test
    void signalWireTakesTheSameRequestUnderItsSpacesLamlPathAndNamesItselfInErrors() throws Exception {
        String path = "/api/laml/2010-04-01/Accounts/a1b2c3d4/Messages.json";
        answer(path, 201, "{\"sid\":\"b6e7-sw\",\"status\":\"queued\"}");
        SmsProvider signalWire = new TwilioSettings("signalwire", "SignalWire", TwilioCredentials.authToken("a1b2c3d4", "PT1"),
                URI.create(api.baseUrl() + "/api/laml"), Optional.empty(), false, QUICK_RETRIES).open(4);

        assertThat(signalWire.send(sms())).isEqualTo(new SendResult.Sent("b6e7-sw"));
        assertThat(signalWire.describeDeliveryError("30003", null)).startsWith("SignalWire error 30003: the destination handset");
        assertThat(signalWire.helpFor("30003")).isEmpty();
    }

    @Test
    void mediaCredentialsGoOnlyToTheApisOwnHostAndScheme() {
        SmsProvider twilio = twilio();
        URI base = URI.create(api.baseUrl());

        assertThat(twilio.mediaAccess().authorization(URI.create(api.baseUrl() + "/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1")))
                .hasValueSatisfying(h -> assertThat(h).startsWith("Basic "));
        assertThat(twilio.mediaAccess().authorization(URI.create("https://" + base.getRawAuthority() + "/m"))).isEmpty();
        assertThat(twilio.mediaAccess().authorization(URI.create("http://cdn.example.com/m"))).isEmpty();
    }

    @Test
    void deliveryErrorsAreToldInWordsWithTheDocsPageForCodesNotListed() {
        assertThat(twilio().describeDeliveryError("30007", null)).isEqualTo("Twilio error 30007: the carrier filtered the message as spam");
        assertThat(twilio().describeDeliveryError("30999", null)).isEqualTo("Twilio error 30999: see https://www.twilio.com/docs/errors/30999");
    }
}
