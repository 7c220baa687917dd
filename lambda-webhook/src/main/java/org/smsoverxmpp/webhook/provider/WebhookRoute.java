package org.smsoverxmpp.webhook.provider;

import java.time.Instant;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.http.WebhookRequest;
import org.smsoverxmpp.webhook.http.WebhookResponse;

/**
 * One URL a provider posts its webhooks to. The service checks what every route has in common (the path, POST,
 * the media type, the size); the route does the rest in the provider's own way: authenticate the request,
 * then read it into at most one event.
 */
public interface WebhookRoute {

    /** The path, as API Gateway's resource names it, e.g. {@code /telnyx/events}. */
    String path();

    /** The one media type the provider posts here, e.g. {@code application/json}; any other is answered 415. */
    String mediaType();

    /**
     * Authenticates the request and reads it.
     *
     * @throws WebhookRejection 4xx for a request that can never succeed (forged, stale, malformed), 503 for one
     *                          that could not be checked now and should be retried
     */
    Received read(WebhookRequest request, Instant receivedAt) throws WebhookRejection;

    /** What the provider is answered once the event is stored, or the webhook ignored. */
    WebhookResponse accepted();
}
