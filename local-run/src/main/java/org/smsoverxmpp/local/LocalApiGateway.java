package org.smsoverxmpp.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.smsoverxmpp.webhook.WebhookHandler;

/**
 * The Lambda handler behind a local HTTP endpoint, as {@code sam local start-api} does: each request becomes
 * an API Gateway REST proxy event (stage "local"), and the handler's answer becomes the HTTP response.
 */
public final class LocalApiGateway implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    public LocalApiGateway(String bindAddress, int port, WebhookHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(bindAddress, port), 50);
        server.createContext("/", exchange -> respond(exchange, handler.handleRequest(toEvent(exchange), null)));
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
        Map<String, List<String>> query = new HashMap<>();
        String rawQuery = exchange.getRequestURI().getQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                query.computeIfAbsent(kv[0], k -> new java.util.ArrayList<>()).add(kv.length > 1 ? kv[1] : "");
            }
        }
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

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow(); // HttpServer.stop leaves its executor's threads running, and the JVM with them
    }
}
