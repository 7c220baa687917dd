package org.smsoverxmpp.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Telnyx's Messaging API for the local run: prints every outbound SMS instead of sending it, answers as Telnyx
 * would ({@code POST /v2/messages} with a bearer key), then posts signed {@code message.sent} and
 * {@code message.finalized} ("delivered") events to the message's {@code webhook_url}, as Telnyx does.
 */
public final class TelnyxSimulator implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final PrintStream out;
    private final String apiKey;
    private final TelnyxWebhookPoster poster;
    private final ScheduledExecutorService callbacks = SimulatorHttp.callbackThread("telnyx-sim-callbacks");

    /** {@code signingKey} stands in for Telnyx's: its public half is in the webhook's Telnyx secret. */
    public TelnyxSimulator(String bindAddress, int port, PrintStream out, String apiKey, PrivateKey signingKey)
            throws IOException {
        this.out = out;
        this.apiKey = apiKey;
        this.poster = new TelnyxWebhookPoster(signingKey);
        server = SimulatorHttp.start(bindAddress, port, this::handle);
    }

    public String baseUrl() {
        return SimulatorHttp.baseUrl(server);
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod()) || !"/v2/messages".equals(exchange.getRequestURI().getPath())) {
            SimulatorHttp.sendJson(exchange, 404, error("10005", "Resource not found", "The requested resource was not found."));
            return;
        }
        if (!("Bearer " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            SimulatorHttp.sendJson(exchange, 401, error("10009", "Authentication failed", "The API key is missing or wrong."));
            return;
        }
        JsonNode message;
        try {
            message = JSON.readTree(exchange.getRequestBody().readAllBytes());
        } catch (IOException e) {
            SimulatorHttp.sendJson(exchange, 400, error("10015", "Bad Request", "The request body is not JSON."));
            return;
        }
        String from = message.path("from").asText("");
        String to = message.path("to").asText("");
        String text = message.path("text").asText("");
        if (from.isEmpty() || to.isEmpty()) {
            SimulatorHttp.sendJson(exchange, 422, error("40305", "Invalid 'from' address", "Both 'from' and 'to' are required."));
            return;
        }
        String id = UUID.randomUUID().toString();
        List<String> media = new ArrayList<>();
        message.path("media_urls").forEach(url -> media.add(url.asText()));
        out.println("[telnyx-simulator] SMS " + id + " from " + from + " to " + to + ": " + text
                + (media.isEmpty() ? "" : " (media: " + String.join(", ", media) + ")"));
        SimulatorHttp.sendJson(exchange, 200, "{\"data\":{\"record_type\":\"message\",\"id\":\"" + id + "\",\"direction\":\"outbound\","
                + "\"type\":\"" + (media.isEmpty() ? "SMS" : "MMS") + "\",\"to\":[{\"phone_number\":\"" + to
                + "\",\"status\":\"queued\"}]}}");
        String webhook = message.path("webhook_url").asText("");
        if (!webhook.isEmpty()) {
            callbacks.schedule(() -> post(webhook, TelnyxWebhookEvents.status("message.sent", id, from, to, "sent", null,
                    null)), 300, TimeUnit.MILLISECONDS);
            callbacks.schedule(() -> post(webhook, TelnyxWebhookEvents.status("message.finalized", id, from, to,
                    "delivered", null, null)), 600, TimeUnit.MILLISECONDS);
        }
    }

    private void post(String url, byte[] body) {
        try {
            HttpResponse<String> response = poster.post(url, body);
            if (response.statusCode() != 200) {
                out.println("[telnyx-simulator] webhook " + url + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            out.println("[telnyx-simulator] webhook to " + url + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String error(String code, String title, String detail) {
        return "{\"errors\":[{\"code\":\"" + code + "\",\"title\":\"" + title + "\",\"detail\":\"" + detail + "\"}]}";
    }


    @Override
    public void close() {
        callbacks.shutdownNow();
        server.stop(0);
    }
}
