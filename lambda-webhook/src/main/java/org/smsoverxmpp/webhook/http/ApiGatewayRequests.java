package org.smsoverxmpp.webhook.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Adapts an API Gateway REST (v1) proxy event to a {@link WebhookRequest}. */
public final class ApiGatewayRequests {
    private ApiGatewayRequests() {
    }

    /**
     * @param publicBaseUrl the URL the providers are configured with, minus the route (custom domains, proxies);
     *                      when empty the URL is rebuilt from what API Gateway saw
     */
    public static WebhookRequest adapt(APIGatewayProxyRequestEvent event, Optional<String> publicBaseUrl)
            throws WebhookRejection {
        Map<String, String> headers = headers(event);
        WebhookRequest folded = new WebhookRequest(event.getHttpMethod(), route(event), "", headers, new byte[0]);
        String beforeQuery = publicBaseUrl.map(base -> base + nullToEmpty(event.getPath()))
                .orElseGet(() -> "https://" + folded.header("Host").orElse("") + calledPath(event));
        CalledUrl url = new CalledUrl(beforeQuery, QueryStringForms.of(query(event)));
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

    /** The query's parameters, decoded, in the order received; REST API events carry no raw query string. */
    private static Map<String, List<String>> query(APIGatewayProxyRequestEvent event) {
        if (event.getMultiValueQueryStringParameters() != null) {
            return event.getMultiValueQueryStringParameters();
        }
        Map<String, List<String>> single = new LinkedHashMap<>();
        if (event.getQueryStringParameters() != null) {
            event.getQueryStringParameters().forEach((name, value) -> single.put(name, List.of(nullToEmpty(value))));
        }
        return single;
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

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
