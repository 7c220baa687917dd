package org.smsoverxmpp.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.events.QueueEvent;
import org.smsoverxmpp.webhook.twilio.FixedSecret;
import org.smsoverxmpp.webhook.twilio.TwilioFormFixtures;
import org.smsoverxmpp.webhook.twilio.TwilioSecret;
import org.smsoverxmpp.webhook.twilio.TwilioSignatures;
import org.smsoverxmpp.webhook.twilio.TwilioWebhooks;

/**
 * Twilio signs the URL exactly as the operator configured it; API Gateway REST hands the Lambda only
 * the decoded query, and never the fragment. Each test configures a URL in Twilio's way, hands the
 * handler the event API Gateway makes of that request, and expects the signature Twilio's SDK accepts
 * for the configured URL to be accepted.
 */
class SignedUrlTest {
    static final String ACCOUNT = "AC33333333333333333333333333333333";
    static final String TOKEN = "signed-url-token";
    static final String HOST = ApiGatewayEvents.HOST;
    static final String URL = ApiGatewayEvents.BASE_URL + "/sms";

    private final List<QueueEvent> enqueued = new ArrayList<>();

    private static Map<String, String> form() {
        return TwilioFormFixtures.sms(ACCOUNT);
    }

    /** The query as API Gateway hands it over: decoded, each name with its values. */
    private static Map<String, List<String>> decoded(String... namesAndValues) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.computeIfAbsent(namesAndValues[i], n -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return query;
    }

    private int status(String signedUrl, String signature, Map<String, List<String>> query,
            Optional<String> publicBaseUrl, Optional<String> fragment) {
        TwilioSecret secret = new TwilioSecret(new FixedSecret(ACCOUNT, TOKEN), "twilio", Duration.ofMinutes(5),
                Clock.systemUTC());
        WebhookService service = new WebhookService(List.of(new TwilioWebhooks(secret, fragment)), enqueued::add, 65536,
                Clock.systemUTC());
        APIGatewayProxyRequestEvent event = ApiGatewayEvents.formPost("/sms", WebhookServiceTest.encode(form()), signature)
                .withMultiValueQueryStringParameters(query.isEmpty() ? null : query);
        return new WebhookHandler(service, publicBaseUrl).handleRequest(event, null).getStatusCode();
    }

    private int status(String signedUrl, Map<String, List<String>> query) {
        return status(signedUrl, TwilioSignatures.of(TOKEN, signedUrl, form()), query, Optional.empty(), Optional.empty());
    }

    @Test
    void urlWithoutQueryOrFragmentIsAccepted() {
        assertThat(status(URL, decoded())).isEqualTo(200);
        assertThat(enqueued).hasSize(1);
    }

    @Test
    void queryInAnOrderOtherThanSortedIsAccepted() {
        assertThat(status(URL + "?b=2&a=1", decoded("b", "2", "a", "1"))).isEqualTo(200);
    }

    @Test
    void spaceWrittenAsPercent20IsAccepted() {
        assertThat(status(URL + "?x=1%202", decoded("x", "1 2"))).isEqualTo(200);
    }

    @Test
    void spaceWrittenAsPlusIsAccepted() {
        assertThat(status(URL + "?x=1+2", decoded("x", "1 2"))).isEqualTo(200);
    }

    @Test
    void literalPlusInAValueIsAccepted() {
        assertThat(status(URL + "?x=1%2B2", decoded("x", "1+2"))).isEqualTo(200);
    }

    @Test
    void reservedCharactersWrittenAsTheyAreAreAccepted() {
        assertThat(status(URL + "?next=/a/b,c:d", decoded("next", "/a/b,c:d"))).isEqualTo(200);
    }

    @Test
    void reservedCharactersPercentEncodedAreAccepted() {
        assertThat(status(URL + "?next=%2Fa%2Fb%2Cc", decoded("next", "/a/b,c"))).isEqualTo(200);
    }

    @Test
    void nonAsciiPercentEncodedIsAccepted() {
        assertThat(status(URL + "?shop=caf%C3%A9", decoded("shop", "café"))).isEqualTo(200);
    }

    @Test
    void repeatedQueryParameterIsAccepted() {
        assertThat(status(URL + "?a=1&a=2", decoded("a", "1", "a", "2"))).isEqualTo(200);
    }

    @Test
    void urlSignedWithTheRecommendedFragmentIsAcceptedWithoutConfiguration() {
        assertThat(status(URL + "#rc=5&rp=ct,rt,5xx", decoded())).isEqualTo(200);
    }

    @Test
    void queryAndRecommendedFragmentTogetherAreAccepted() {
        assertThat(status(URL + "?x=1%202#rc=5&rp=ct,rt,5xx", decoded("x", "1 2"))).isEqualTo(200);
    }

    @Test
    void urlSignedWithTheConfiguredFragmentIsAccepted() {
        String signedUrl = URL + "#rc=3&rt=5000";

        assertThat(status(signedUrl, TwilioSignatures.of(TOKEN, signedUrl, form()), decoded(), Optional.empty(),
                Optional.of("rc=3&rt=5000"))).isEqualTo(200);
    }

    @Test
    void urlSignedWithAFragmentNobodyConfiguredIsRefused() {
        assertThat(status(URL + "#rc=3&rt=5000", decoded())).isEqualTo(403);
        assertThat(enqueued).isEmpty();
    }

    @Test
    void urlSignedWithTheDefaultPortIsAccepted() {
        assertThat(status("https://" + HOST + ":443/prod/sms", decoded())).isEqualTo(200);
    }

    @Test
    void urlSignedWithoutThePortIsAcceptedWhenThePublicBaseUrlNamesIt() {
        String signedUrl = "https://sms.example.com/hooks/sms";

        assertThat(status(signedUrl, TwilioSignatures.of(TOKEN, signedUrl, form()), decoded(),
                Optional.of("https://sms.example.com:443/hooks"), Optional.empty())).isEqualTo(200);
    }

    @Test
    void signatureWithAnotherTokenIsRefused() {
        assertThat(status(URL, TwilioSignatures.of("not-the-token", URL, form()), decoded(), Optional.empty(),
                Optional.empty())).isEqualTo(403);
        assertThat(enqueued).isEmpty();
    }

    @Test
    void signatureForAnotherQueryIsRefused() {
        assertThat(status(URL + "?x=1", decoded("x", "2"))).isEqualTo(403);
        assertThat(enqueued).isEmpty();
    }
}
