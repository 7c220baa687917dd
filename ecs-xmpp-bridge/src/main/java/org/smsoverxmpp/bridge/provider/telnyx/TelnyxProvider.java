package org.smsoverxmpp.bridge.provider.telnyx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.smsoverxmpp.bridge.provider.MediaAccess;
import org.smsoverxmpp.bridge.provider.SendResult;
import org.smsoverxmpp.bridge.provider.SendRetries;
import org.smsoverxmpp.bridge.provider.SmsProvider;
import org.smsoverxmpp.bridge.provider.SmsRequest;
import org.smsoverxmpp.events.SqsSafeJson;

/**
 * Telnyx, through its Messaging API ({@code POST /v2/messages}, JSON, the API key as a bearer token). Telnyx's Java
 * SDK is a generated client that brings Jersey and HK2 for this one call, so the JDK's HTTP client makes it.
 * As with every provider, only a request that surely did not reach Telnyx is retried: no connection, or 429/503.
 */
public final class TelnyxProvider implements SmsProvider {
    /** Telnyx's longest message text, in characters. */
    static final int MAX_CHARACTERS = 1600;
    /** As long as the Twilio SDK waits: a connection, then an answer. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final TelnyxSettings settings;
    private final URI messages;
    private final SendRetries retries;
    private final ObjectMapper json = SqsSafeJson.mapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(CONNECT_TIMEOUT).build();

    public TelnyxProvider(TelnyxSettings settings) {
        this.settings = settings;
        this.messages = URI.create(settings.apiBaseUrl().toString().replaceAll("/+$", "") + "/v2/messages");
        this.retries = new SendRetries("Telnyx", settings.retryDelays());
    }

    @Override
    public String name() {
        return TelnyxSettings.NAME;
    }

    @Override
    public String displayName() {
        return "Telnyx";
    }

    @Override
    public SendResult send(SmsRequest request) throws InterruptedException {
        HttpRequest post = HttpRequest.newBuilder(messages)
                .timeout(ANSWER_TIMEOUT)
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(request)))
                .build();
        return retries.send(() -> attempt(post));
    }

    String body(SmsRequest request) {
        ObjectNode body = json.createObjectNode();
        body.put("from", request.from().e164());
        body.put("to", request.to());
        // Telnyx wants text or media_urls; a picture without a caption has no text at all.
        if (!request.text().isEmpty() || request.media().isEmpty()) {
            body.put("text", request.text());
        }
        if (!request.media().isEmpty()) {
            var urls = body.putArray("media_urls");
            request.media().forEach(url -> urls.add(url.toString()));
        }
        settings.webhookUrl().ifPresent(url -> body.put("webhook_url", url.toString()));
        settings.messagingProfileId().ifPresent(id -> body.put("messaging_profile_id", id));
        return body.toString();
    }

    private SendResult attempt(HttpRequest post) {
        HttpResponse<String> response;
        try {
            response = http.send(post, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult.OutcomeUnknown("interrupted while waiting for Telnyx");
        } catch (IOException e) {
            return surelyNotSent(e) ? SendResult.Unavailable.unreachable(String.valueOf(e.getMessage()))
                    : new SendResult.OutcomeUnknown(String.valueOf(e.getMessage()));
        }
        return read(response.statusCode(), response.body());
    }

    /** What Telnyx's answer means. */
    SendResult read(int status, String body) {
        JsonNode answer = parse(body);
        if (status / 100 == 2) {
            String id = answer.path("data").path("id").asText("");
            // Accepted, but without the id its status reports would carry: it was probably sent; say so honestly.
            return id.isEmpty() ? new SendResult.OutcomeUnknown("Telnyx accepted it without a message id")
                    : new SendResult.Sent(id);
        }
        JsonNode error = answer.path("errors").path(0);
        String code = error.hasNonNull("code") ? error.get("code").asText() : null;
        String title = error.path("title").asText("");
        String detail = error.path("detail").asText("");
        String text = detail.isEmpty() || detail.equals(title) ? title : title.isEmpty() ? detail : title + ": " + detail;
        if (text.isEmpty()) {
            text = "HTTP " + status;
        }
        // 429 and 503: Telnyx did not act and asks to come back later.
        return status == 429 || status == 503 ? new SendResult.Unavailable(status, code, text)
                : new SendResult.Rejected(status, code, text);
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            return node == null ? json.missingNode() : node;
        } catch (IOException e) {
            return json.missingNode();
        }
    }

    /** The connection never opened: the request never left. A lost answer is not retried. */
    private static boolean surelyNotSent(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
                    || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    /** Telnyx's media URLs open without credentials, so the API key goes nowhere but the API. */
    @Override
    public MediaAccess mediaAccess() {
        return MediaAccess.NONE;
    }

    @Override
    public int maxCharacters() {
        return MAX_CHARACTERS;
    }

    @Override
    public String describeDeliveryError(String code, String text) {
        return TelnyxErrors.describe(code, text);
    }

    @Override
    public Optional<String> helpFor(String code) {
        return Optional.empty();
    }
}
