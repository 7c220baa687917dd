package org.smsoverxmpp.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twilio's Messages API for the local run: prints every outbound SMS instead of sending it, answers as
 * Twilio would, and then posts a signed "delivered" status callback like Twilio does.
 */
public final class TwilioSimulator implements AutoCloseable {
    private static final Pattern MESSAGES = Pattern.compile("/2010-04-01/Accounts/(AC[0-9a-zA-Z]+)/Messages\\.json");

    private final HttpServer server;
    private final PrintStream out;
    private final WebhookPoster poster;
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis());
    private final ScheduledExecutorService callbacks = SimulatorHttp.callbackThread("twilio-sim-callbacks");

    public TwilioSimulator(String bindAddress, int port, PrintStream out, WebhookPoster poster) throws IOException {
        this.out = out;
        this.poster = poster;
        server = SimulatorHttp.start(bindAddress, port, this::handle);
    }

    public String baseUrl() {
        return SimulatorHttp.baseUrl(server);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Matcher matcher = MESSAGES.matcher(exchange.getRequestURI().getPath());
        if (!"POST".equals(exchange.getRequestMethod()) || !matcher.matches()) {
            SimulatorHttp.sendJson(exchange, 404, "{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}");
            return;
        }
        Map<String, List<String>> form = decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String from = first(form, "From");
        String to = first(form, "To");
        String body = first(form, "Body");
        if (to.isEmpty() || from.isEmpty()) {
            SimulatorHttp.sendJson(exchange, 400, "{\"code\":21604,\"message\":\"A 'To' and 'From' phone number is required.\",\"status\":400}");
            return;
        }
        String sid = String.format("SM%032x", sequence.incrementAndGet());
        List<String> media = form.getOrDefault("MediaUrl", List.of());
        out.println("[twilio-simulator] SMS " + sid + " from " + from + " to " + to + ": " + body
                + (media.isEmpty() ? "" : " (media: " + String.join(", ", media) + ")"));
        SimulatorHttp.sendJson(exchange, 201, "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + matcher.group(1) + "\",\"from\":\""
                + from + "\",\"to\":\"" + to + "\",\"status\":\"queued\"}");
        String callback = first(form, "StatusCallback");
        if (!callback.isEmpty()) {
            callbacks.schedule(() -> deliveredCallback(callback, sid, matcher.group(1), from, to), 500, TimeUnit.MILLISECONDS);
        }
    }

    private void deliveredCallback(String url, String sid, String account, String from, String to) {
        Map<String, String> form = TwilioWebhookForms.status(sid, account, "delivered", null, from, to);
        try {
            poster.post(url, form);
        } catch (IOException | InterruptedException e) {
            out.println("[twilio-simulator] status callback to " + url + " failed: " + e.getMessage());
        }
    }

    private static Map<String, List<String>> decode(String text) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), k -> new java.util.ArrayList<>())
                        .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }


    @Override
    public void close() {
        callbacks.shutdownNow();
        server.stop(0);
    }
}
