package org.smsoverxmpp.webhook;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.events.LogSafe;
import org.smsoverxmpp.events.QueueEvent;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.http.WebhookRequest;
import org.smsoverxmpp.webhook.http.WebhookResponse;
import org.smsoverxmpp.webhook.provider.Received;
import org.smsoverxmpp.webhook.provider.WebhookProvider;
import org.smsoverxmpp.webhook.provider.WebhookRoute;
import org.smsoverxmpp.webhook.queue.EventQueue;
import org.smsoverxmpp.webhook.queue.EventQueue.QueueUnavailableException;

/**
 * The webhook as ordered guard clauses, each with its own status: the route (404: no such route, or its provider
 * is not enabled), the method (405), the media type (415), the size (413); then the route's own checks and
 * parsing. Only a request that passes all of them is enqueued, and only an enqueued one is answered 200. Its log
 * lines show numbers through {@link LogSafe} and never a body or a key.
 */
public class WebhookService {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookService.class);

    private final Map<String, WebhookRoute> routes = new LinkedHashMap<>();
    private final EventQueue queue;
    private final int maxBodyBytes;
    private final Clock clock;

    /** @param providers the enabled providers; each route belongs to one */
    public WebhookService(List<WebhookProvider> providers, EventQueue queue, int maxBodyBytes, Clock clock) {
        for (WebhookProvider provider : providers) {
            for (WebhookRoute route : provider.routes()) {
                if (routes.putIfAbsent(route.path(), route) != null) {
                    throw new IllegalArgumentException("two providers post to " + route.path());
                }
            }
        }
        this.queue = queue;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    public WebhookResponse handle(WebhookRequest request) {
        try {
            Received received = accept(request);
            WebhookResponse accepted = routes.get(request.route()).accepted();
            if (received instanceof Received.Ignored ignored) {
                LOG.info("ignored {}: {}", request.route(), ignored.what());
                return accepted;
            }
            QueueEvent event = ((Received.Event) received).event();
            queue.enqueue(event);
            LOG.info("enqueued {} {} from {} to {}", request.route(), event.messageId(),
                    LogSafe.number(event.from()), LogSafe.number(event.to()));
            return accepted;
        } catch (WebhookRejection rejection) {
            LOG.warn("rejected {} {}: {} {}{}", request.method(), request.route(), rejection.status(),
                    rejection.getMessage(), rejection.getCause() == null ? "" : " (" + rejection.getCause().getMessage() + ")");
            return rejection.toResponse();
        } catch (QueueUnavailableException e) {
            // 5xx makes the provider retry; the FIFO deduplication absorbs the copy if SQS did store it.
            LOG.error("queue unavailable, asking the provider to retry: {}", e.getMessage());
            return WebhookResponse.rejected(503, "queue unavailable, retry later");
        }
    }

    /** Every check and the parsing, without enqueuing: what {@link #handle} does before it stores the event. */
    public Received accept(WebhookRequest request) throws WebhookRejection {
        WebhookRoute route = routes.get(request.route());
        if (route == null) {
            throw new WebhookRejection(404, "no webhook at " + request.route());
        }
        if (!request.method().equals("POST")) {
            throw new WebhookRejection(405, "only POST is accepted");
        }
        if (!request.hasMediaType(route.mediaType())) {
            throw new WebhookRejection(415, "expected " + route.mediaType());
        }
        if (request.body().length > maxBodyBytes) {
            throw new WebhookRejection(413, "body larger than " + maxBodyBytes + " bytes");
        }
        return route.read(request, clock.instant());
    }
}
