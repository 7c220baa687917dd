package org.smsoverxmpp.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import java.util.Map;

/** A signed form POST as API Gateway REST (stage "prod") hands it to the function. */
final class ApiGatewayEvents {
    static final String HOST = "abc123.execute-api.us-east-1.amazonaws.com";
    /** What Twilio is configured with, without the route. */
    static final String BASE_URL = "https://" + HOST + "/prod";

    private ApiGatewayEvents() {
    }

    static APIGatewayProxyRequestEvent formPost(String route, String body, String signature) {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST").withResource(route).withPath(route)
                .withHeaders(Map.of("Host", HOST, "Content-Type", "application/x-www-form-urlencoded",
                        "X-Twilio-Signature", signature))
                .withRequestContext(new ProxyRequestContext().withStage("prod").withPath("/prod" + route))
                .withBody(body);
    }
}
