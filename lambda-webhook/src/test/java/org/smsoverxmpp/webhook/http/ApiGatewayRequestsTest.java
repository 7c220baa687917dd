package org.smsoverxmpp.webhook.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiGatewayRequestsTest {

    private static APIGatewayProxyRequestEvent event() {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withResource("/sms")
                .withPath("/sms")
                .withHeaders(Map.of("Host", "abc123.execute-api.us-east-1.amazonaws.com",
                        "Content-Type", "application/x-www-form-urlencoded"))
                .withRequestContext(new ProxyRequestContext().withStage("prod").withPath("/prod/sms"))
                .withBody("Body=hi");
    }

    @Test
    void urlIsRebuiltFromHostAndStagePath() throws Exception {
        WebhookRequest request = ApiGatewayRequests.adapt(event(), Optional.empty());

        assertThat(request.calledUrl()).isEqualTo(CalledUrl.exactly("https://abc123.execute-api.us-east-1.amazonaws.com/prod/sms"));
        assertThat(request.route()).isEqualTo("/sms");
    }

    @Test
    void stageIsAddedWhenTheContextHasNoPath() throws Exception {
        APIGatewayProxyRequestEvent event = event().withRequestContext(new ProxyRequestContext().withStage("v1"));

        assertThat(ApiGatewayRequests.adapt(event, Optional.empty()).calledUrl())
                .isEqualTo(CalledUrl.exactly("https://abc123.execute-api.us-east-1.amazonaws.com/v1/sms"));
    }

    @Test
    void configuredPublicBaseUrlWinsForCustomDomains() throws Exception {
        WebhookRequest request = ApiGatewayRequests.adapt(event(), Optional.of("https://sms.example.com/hooks"));

        assertThat(request.calledUrl()).isEqualTo(CalledUrl.exactly("https://sms.example.com/hooks/sms"));
    }

    @Test
    void queryIsSpelledEachWayItMayHaveBeenInTheOrderReceived() throws Exception {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("tenant", List.of("a b"));
        query.put("x", List.of("1"));
        APIGatewayProxyRequestEvent event = event().withMultiValueQueryStringParameters(query);

        CalledUrl url = ApiGatewayRequests.adapt(event, Optional.empty()).calledUrl();

        assertThat(url.beforeQuery()).isEqualTo("https://abc123.execute-api.us-east-1.amazonaws.com/prod/sms");
        assertThat(url.queryForms()).containsExactly("?tenant=a%20b&x=1", "?tenant=a+b&x=1");
    }

    @Test
    void singleValuedQueryIsUsedWhenThereIsNoMultiValuedOne() throws Exception {
        APIGatewayProxyRequestEvent event = event().withQueryStringParameters(Map.of("tenant", "acme"));

        assertThat(ApiGatewayRequests.adapt(event, Optional.empty()).calledUrl().queryForms())
                .containsExactly("?tenant=acme");
    }

    @Test
    void base64BodyIsDecoded() throws Exception {
        String encoded = Base64.getEncoder().encodeToString("Body=h%C3%A9".getBytes(StandardCharsets.UTF_8));
        APIGatewayProxyRequestEvent event = event().withBody(encoded).withIsBase64Encoded(true);

        assertThat(FormBody.parse(ApiGatewayRequests.adapt(event, Optional.empty()).body())).containsEntry("Body", "hé");
    }

    @Test
    void brokenBase64Is400() {
        APIGatewayProxyRequestEvent event = event().withBody("***").withIsBase64Encoded(true);

        assertThatThrownBy(() -> ApiGatewayRequests.adapt(event, Optional.empty()))
                .isInstanceOf(WebhookRejection.class).hasMessageContaining("base64");
    }

    @Test
    void headersAreCaseInsensitive() throws Exception {
        APIGatewayProxyRequestEvent event = event().withHeaders(null)
                .withMultiValueHeaders(Map.of("x-twilio-signature", List.of("sig"), "host", List.of("h.example")));

        WebhookRequest request = ApiGatewayRequests.adapt(event, Optional.empty());

        assertThat(request.header("X-Twilio-Signature")).contains("sig");
        assertThat(request.calledUrl().beforeQuery()).startsWith("https://h.example/");
    }
}
