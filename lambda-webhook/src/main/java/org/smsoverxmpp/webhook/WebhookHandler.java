package org.smsoverxmpp.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.webhook.http.ApiGatewayRequests;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.http.WebhookResponse;

/** Lambda entry point for every provider's webhook routes: adapt, delegate, answer. */
public class WebhookHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);

    private final WebhookService service;
    private final Optional<String> publicBaseUrl;
    /** Kept reachable: CRaC holds its resources weakly. */
    private final Object priming;
    private final ColdStartMetric coldStart = new ColdStartMetric();

    /** Used by Lambda: everything is built once per execution environment, from the environment. */
    public WebhookHandler() {
        this(WebhookWiring.fromEnvironment(WebhookConfig.fromEnvironment()));
    }

    public WebhookHandler(WebhookWiring wiring) {
        this(wiring.service(), wiring.config().publicBaseUrl(), wiring.priming());
    }

    public WebhookHandler(WebhookService service, Optional<String> publicBaseUrl) {
        this(service, publicBaseUrl, null);
    }

    private WebhookHandler(WebhookService service, Optional<String> publicBaseUrl, Object priming) {
        this.service = service;
        this.publicBaseUrl = publicBaseUrl;
        this.priming = priming;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        // Powertools adds the request id, function and cold-start fields to every log line of this call.
        long started = System.currentTimeMillis();
        APIGatewayProxyResponseEvent response = context == null ? respond(event)
                : PowertoolsLogging.withLogging(context, () -> respond(event));
        coldStart.requestRan(started, System.currentTimeMillis());
        return response;
    }

    private APIGatewayProxyResponseEvent respond(APIGatewayProxyRequestEvent event) {
        WebhookResponse response;
        try {
            response = service.handle(ApiGatewayRequests.adapt(event, publicBaseUrl));
        } catch (WebhookRejection rejection) {
            response = rejection.toResponse();
        } catch (RuntimeException e) {
            // A bug or an outage we did not foresee: providers retry a 5xx, and no stack trace leaves.
            LOG.error("unexpected failure handling webhook", e);
            response = WebhookResponse.rejected(500, "internal error");
        }
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(response.status())
                .withHeaders(Map.of("Content-Type", response.contentType()))
                .withBody(response.body());
    }
}
