package org.smsoverxmpp.webhook.http;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the webhook needs it, independent of API Gateway's event shape.
 *
 * @param route     the resource called, e.g. {@code /telnyx/events}
 * @param calledUrl the URL the provider called, which a URL-signing provider's signature covers
 * @param body      the raw body, already base64-decoded where API Gateway encoded it
 */
public record WebhookRequest(String method, String route, CalledUrl calledUrl, Map<String, String> headers, byte[] body) {

    /** A request whose URL is known exactly, as a plain HTTP server sees it. */
    public WebhookRequest(String method, String route, String calledUrl, Map<String, String> headers, byte[] body) {
        this(method, route, CalledUrl.exactly(calledUrl), headers, body);
    }

    public WebhookRequest {
        TreeMap<String, String> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            folded.putAll(headers);
        }
        headers = folded;
        method = method == null ? "" : method.toUpperCase(Locale.ROOT);
        route = route == null ? "" : route;
        body = body == null ? new byte[0] : body;
    }

    /** Whether the body is of {@code mediaType}, by its Content-Type with any parameters ({@code charset}) aside. */
    public boolean hasMediaType(String mediaType) {
        return header("Content-Type").map(type -> type.split(";", 2)[0].trim().equalsIgnoreCase(mediaType))
                .orElse(false);
    }

    /** HTTP header names are case-insensitive, and API Gateway passes them on as the client spelled them. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }
}
