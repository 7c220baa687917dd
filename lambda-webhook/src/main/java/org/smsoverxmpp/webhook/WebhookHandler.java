package org.smsoverxmpp.webhook;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.smsoverxmpp.webhook.http.ApiGatewayRequests;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.http.WebhookResponse;

/** Lambda entry point for every provider's webhook routes: adapt, delegate, answer. */
public class WebhookHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);
    /** The log field that ties each line to its invocation. */
    public static final String REQUEST_ID = "requestId";

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
        long started = System.currentTimeMillis();
        APIGatewayProxyResponseEvent response = answer(event, context);
        coldStart.requestRan(started, System.currentTimeMillis());
        return response;
    }

    private APIGatewayProxyResponseEvent answer(APIGatewayProxyRequestEvent event, Context context) {
        if (context == null) {
            return respond(event);
        }
        // Every log line of this call carries the invocation's request id.
        try (MDC.MDCCloseable requestId = MDC.putCloseable(REQUEST_ID, context.getAwsRequestId())) {
            return respond(event);
        }
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
