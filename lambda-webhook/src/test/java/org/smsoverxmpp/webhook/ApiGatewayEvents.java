package org.smsoverxmpp.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import java.util.Map;

/** A signed POST as API Gateway REST (stage "prod") hands it to the function. */
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

    /** A JSON POST, e.g. Telnyx's, with the headers that sign it. */
    static APIGatewayProxyRequestEvent jsonPost(String route, String body, Map<String, String> signatureHeaders) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(signatureHeaders);
        headers.put("Host", HOST);
        headers.put("Content-Type", "application/json");
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST").withResource(route).withPath(route)
                .withHeaders(headers)
                .withRequestContext(new ProxyRequestContext().withStage("prod").withPath("/prod" + route))
                .withBody(body);
    }
}
