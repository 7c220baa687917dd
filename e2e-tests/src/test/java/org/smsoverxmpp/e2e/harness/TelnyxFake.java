package org.smsoverxmpp.e2e.harness;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * WireMock as api.telnyx.com's Messaging API ({@code POST /v2/messages}, JSON): accepts each message under a new id,
 * as Telnyx answers, or refuses it with Telnyx's error shape.
 */
public final class TelnyxFake implements AutoCloseable {
    static final String MESSAGES = "/v2/messages";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Response templates (on by default, per stub) give each accepted message an id of its own. */
    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    public TelnyxFake() {
        server.start();
        acceptAll();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Every message accepted, each under an id of its own (Telnyx's are UUIDs). */
    public void acceptAll() {
        server.resetAll();
        server.stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"record_type\":\"message\",\"id\":\"{{randomValue type='UUID'}}\","
                        + "\"direction\":\"outbound\",\"type\":\"SMS\",\"to\":[{\"status\":\"queued\"}]}}")
                .withTransformers("response-template")));
    }

    /** Accepts a message whose text is {@code text} under {@code id}. */
    public void acceptAs(String text, String id) {
        server.stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(5)
                .withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock.equalTo(text)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"data\":{\"record_type\":\"message\",\"id\":\"" + id + "\",\"to\":[{\"status\":\"queued\"}]}}")));
    }

    /** Telnyx's answer for a destination it will not send to: {@code errors[0]} with code, title and detail. */
    public void refuse(String to, int httpStatus, String code, String title, String detail) {
        server.stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", com.github.tomakehurst.wiremock.client.WireMock.equalTo(to)))
                .willReturn(aResponse().withStatus(httpStatus).withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"code\":\"" + code + "\",\"title\":\"" + title + "\",\"detail\":\""
                                + detail + "\",\"meta\":{\"url\":\"https://developers.telnyx.com/docs/overview/errors/"
                                + code + "\"}}]}")));
    }

    /** An MMS attachment as Telnyx hosts it: at a URL that opens without credentials. @return its URL */
    public String hostMedia(String path, String contentType, byte[] bytes) {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(path).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withBody(bytes)));
        return baseUrl() + path;
    }

    /** Each request for {@code path}: whether it carried an Authorization header, and which. */
    public List<Optional<String>> mediaAuthorizations(String path) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(path)))
                .stream().map(r -> Optional.ofNullable(r.getHeader("Authorization"))).toList();
    }

    /** The JSON body of every message create received. */
    public List<JsonNode> sentMessages() {
        return requests().stream().map(request -> parse(request.getBodyAsString())).toList();
    }

    /** Waits for a message create matching {@code match}, and returns its body. */
    public JsonNode awaitSent(Predicate<JsonNode> match, Duration timeout) {
        return org.awaitility.Awaitility.await("Telnyx receiving the SMS awaited").atMost(timeout)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> sentMessages().stream().filter(match).findFirst(), Optional::isPresent).get();
    }

    public List<String> authorizationHeaders() {
        return requests().stream().map(request -> request.getHeader("Authorization")).toList();
    }

    /** A new id as Telnyx gives one. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    private List<LoggedRequest> requests() {
        return server.findAll(postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
