package org.smsoverxmpp.e2e.harness;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** WireMock as api.twilio.com: accepts Message creates, or refuses them like Twilio does. */
public final class TwilioFake implements AutoCloseable {
    static final String MESSAGES = "/2010-04-01/Accounts/AC[0-9a-f]+/Messages.json";

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    public TwilioFake() {
        server.start();
        acceptAll();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public void acceptAll() {
        server.resetAll();
        server.stubFor(post(urlPathMatching(MESSAGES)).atPriority(10).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM" + "0".repeat(31) + "1\",\"status\":\"queued\"}")));
    }

    /** Accepts a message whose body contains {@code text} under the given MessageSid. */
    public void acceptAs(String text, String sid) {
        server.stubFor(post(urlPathMatching(MESSAGES)).atPriority(5)
                .withRequestBody(containing(URLEncoder.encode(text, StandardCharsets.UTF_8)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"" + sid + "\",\"status\":\"queued\"}")));
    }

    /** An MMS attachment as Twilio hosts it: behind the account's credentials. @return its URL */
    public String hostMedia(String path, String contentType, byte[] bytes) {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(path)
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Basic .+"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(bytes)));
        return baseUrl() + path;
    }

    /** An attachment that takes {@code delay} to download. @return its URL */
    public String hostSlowMedia(String path, String contentType, byte[] bytes, java.time.Duration delay) {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(path).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withBody(bytes).withFixedDelay((int) delay.toMillis())));
        return baseUrl() + path;
    }

    /** An attachment Twilio no longer has. @return its URL */
    public String missingMedia(String path) {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(path).willReturn(aResponse().withStatus(404)));
        return baseUrl() + path;
    }

    /** Twilio's media URLs redirect to a CDN once authenticated. @return the Twilio URL */
    public String redirectMedia(String path, String cdnUrl) {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(path)
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Basic .+"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", cdnUrl)));
        return baseUrl() + path;
    }

    public List<String> mediaAuthorizations(String path) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(path)))
                .stream().map(r -> r.getHeader("Authorization")).toList();
    }

    /** Twilio refusing any message whose body contains {@code text}. */
    public void refuseBody(String text, int httpStatus, int code, String message) {
        server.stubFor(post(urlPathMatching(MESSAGES)).atPriority(2)
                .withRequestBody(containing("Body=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                .willReturn(aResponse().withStatus(httpStatus).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":" + httpStatus + "}")));
    }

    /** Twilio's answer for a destination it will not send to. */
    public void refuse(String to, int httpStatus, int code, String message) {
        server.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1)
                .withRequestBody(containing("To=" + URLEncoder.encode(to, StandardCharsets.UTF_8)))
                .willReturn(aResponse().withStatus(httpStatus).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":" + code + ",\"message\":\"" + message + "\",\"more_info\":"
                                + "\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + httpStatus + "}")));
    }

    /** The form of every Message create received, decoded. */
    public List<Map<String, String>> sentMessages() {
        return server.findAll(postRequestedFor(urlPathMatching(MESSAGES))).stream()
                .map(request -> decode(request.getBodyAsString())).toList();
    }

    /** Waits for a Message create matching {@code match}, and returns its form. */
    public Map<String, String> awaitSent(Predicate<Map<String, String>> match, Duration timeout) {
        return org.awaitility.Awaitility.await("Twilio receiving the SMS awaited").atMost(timeout)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> sentMessages().stream().filter(match).findFirst(), java.util.Optional::isPresent).get();
    }

    public List<String> authorizationHeaders() {
        return server.findAll(postRequestedFor(urlPathMatching(MESSAGES))).stream()
                .map(request -> request.getHeader("Authorization")).toList();
    }

    private static Map<String, String> decode(String form) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop();
    }
}
