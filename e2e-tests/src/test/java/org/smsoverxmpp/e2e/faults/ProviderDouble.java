package org.smsoverxmpp.e2e.faults;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Twilio-compatible Messages API for the fault suite: counts every SMS it takes by its body, gives each a
 * MessageSid of its own, and answers as it is told at the moment: accept, 500, 503, 429, or accept slowly.
 */
final class ProviderDouble implements AutoCloseable {
    /** How the double answers right now. */
    enum Mode { ACCEPT, FAIL_500, BUSY_503, THROTTLE_429, SLOW_10S }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final Map<String, Integer> taken = new ConcurrentHashMap<>();
    private final Map<String, String> sidOf = new ConcurrentHashMap<>();
    private final AtomicLong sids = new AtomicLong();
    private volatile Mode mode = Mode.ACCEPT;

    ProviderDouble() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    /** How often each body became an SMS. */
    Map<String, Integer> taken() {
        return Map.copyOf(taken);
    }

    Map<String, String> sids() {
        return Map.copyOf(sidOf);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            Map<String, String> form = decode(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Mode now = mode;
            switch (now) {
                case FAIL_500 -> answer(exchange, 500, "{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}");
                case BUSY_503 -> answer(exchange, 503, "{\"code\":20503,\"message\":\"Service Unavailable\",\"status\":503}");
                case THROTTLE_429 -> answer(exchange, 429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}");
                default -> {
                    if (now == Mode.SLOW_10S) {
                        Thread.sleep(10_000);
                    }
                    String body = form.getOrDefault("Body", "");
                    taken.merge(body, 1, Integer::sum);
                    String sid = String.format("SM%032x", sids.incrementAndGet());
                    sidOf.put(body, sid);
                    answer(exchange, 201, "{\"sid\":\"" + sid + "\",\"status\":\"queued\"}");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
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
        server.stop(0);
        executor.shutdownNow();
    }
}
