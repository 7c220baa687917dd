package org.smsoverxmpp.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.smsoverxmpp.webhook.WebhookHandler;

/**
 * The Lambda handler behind a local HTTP endpoint, as {@code sam local start-api} does: each request becomes
 * an API Gateway REST proxy event (stage "local"), and the handler's answer becomes the HTTP response.
 */
public final class LocalApiGateway implements AutoCloseable {
    private final HttpServer server;
    /**
     * Four handlers and room for 64 requests; beyond that the accepting thread handles the request itself, so
     * a flood slows down at the socket instead of queueing work for clients that have long given up.
     */
    private final ExecutorService executor = new ThreadPoolExecutor(4, 4, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(64), new ThreadPoolExecutor.CallerRunsPolicy());

    /** CPU the handler took, on every thread, as Lambda would bill it: not the local HTTP server's share. */
    private final AtomicLong handlerCpuNanos = new AtomicLong();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    public LocalApiGateway(String bindAddress, int port, WebhookHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(bindAddress, port), 50);
        server.createContext("/", exchange -> {
            APIGatewayProxyRequestEvent event = toEvent(exchange);
            long before = threads.getCurrentThreadCpuTime();
            APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
            handlerCpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - before);
            respond(exchange, response);
        });
        server.setExecutor(executor);
        server.start();
    }

    private static APIGatewayProxyRequestEvent toEvent(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new HashMap<>();
        Map<String, List<String>> multi = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            headers.put(name, values.get(0));
            multi.put(name, values);
        });
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(exchange.getRequestMethod())
                .withResource(path)
                .withPath(path)
                .withHeaders(headers)
                .withMultiValueHeaders(multi)
                .withMultiValueQueryStringParameters(query.isEmpty() ? null : query)
                .withRequestContext(new ProxyRequestContext().withStage("local").withPath(path))
                .withBody(Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(true);
    }

    /** As API Gateway REST hands the query over: each name's values, decoded (a + is a space), in order. */
    private static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (!pair.isEmpty()) {
                    String[] kv = pair.split("=", 2);
                    query.computeIfAbsent(decode(kv[0]), k -> new ArrayList<>()).add(kv.length > 1 ? decode(kv[1]) : "");
                }
            }
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a malformed escape: passed on as it came, the signature check decides
        }
    }

    private static void respond(HttpExchange exchange, APIGatewayProxyResponseEvent response) throws IOException {
        byte[] body = response.getBody() == null ? new byte[0] : response.getBody().getBytes(StandardCharsets.UTF_8);
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        }
        exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** The CPU time the handler has taken so far, for the benchmarks. */
    public long handlerCpuNanos() {
        return handlerCpuNanos.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow(); // HttpServer.stop leaves its executor's threads running, and the JVM with them
    }
}
