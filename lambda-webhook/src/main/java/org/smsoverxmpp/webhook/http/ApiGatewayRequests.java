package org.smsoverxmpp.webhook.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** Adapts an API Gateway REST (v1) proxy event to a {@link WebhookRequest}. */
public final class ApiGatewayRequests {
    private ApiGatewayRequests() {
    }

    /**
     * @param publicBaseUrl the URL Twilio is configured with, minus the route (custom domains, proxies);
     *                      when empty the URL is rebuilt from what API Gateway saw
     */
    public static WebhookRequest adapt(APIGatewayProxyRequestEvent event, Optional<String> publicBaseUrl)
            throws WebhookRejection {
        Map<String, String> headers = headers(event);
        WebhookRequest folded = new WebhookRequest(event.getHttpMethod(), route(event), "", headers, new byte[0]);
        String url = publicBaseUrl.map(base -> base + nullToEmpty(event.getPath()) + query(event))
                .orElseGet(() -> "https://" + folded.header("Host").orElse("") + calledPath(event) + query(event));
        return new WebhookRequest(event.getHttpMethod(), route(event), url, headers, body(event));
    }

    private static String route(APIGatewayProxyRequestEvent event) {
        return event.getResource() != null ? event.getResource() : nullToEmpty(event.getPath());
    }

    /** The path as the client called it, stage included: {@code /prod/sms}. */
    private static String calledPath(APIGatewayProxyRequestEvent event) {
        var context = event.getRequestContext();
        if (context != null && context.getPath() != null) {
            return context.getPath();
        }
        String stage = context == null || context.getStage() == null ? "" : "/" + context.getStage();
        return stage + nullToEmpty(event.getPath());
    }

    /** API Gateway hands over the query decoded; it is re-encoded in the order received. */
    private static String query(APIGatewayProxyRequestEvent event) {
        Map<String, List<String>> params = event.getMultiValueQueryStringParameters();
        if (params == null || params.isEmpty()) {
            return "";
        }
        StringJoiner query = new StringJoiner("&", "?", "");
        params.forEach((name, values) -> values.forEach(value ->
                query.add(encode(name) + "=" + encode(value))));
        return query.toString();
    }

    private static Map<String, String> headers(APIGatewayProxyRequestEvent event) {
        Map<String, String> headers = new HashMap<>();
        if (event.getMultiValueHeaders() != null) {
            event.getMultiValueHeaders().forEach((name, values) -> {
                if (values != null && !values.isEmpty()) {
                    headers.put(name, values.get(0));
                }
            });
        }
        if (event.getHeaders() != null) {
            headers.putAll(event.getHeaders());
        }
        return headers;
    }

    private static byte[] body(APIGatewayProxyRequestEvent event) throws WebhookRejection {
        String body = nullToEmpty(event.getBody());
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw WebhookRejection.badRequest("body is marked base64 but is not");
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
