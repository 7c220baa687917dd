package org.smsoverxmpp.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.smsoverxmpp.webhook.twilio.TwilioRequestSigner;

/** API Gateway events carrying an inbound SMS exactly as Twilio signs it. */
final class SignedWebhooks {
    static final String HOST = "bench.execute-api.us-east-1.amazonaws.com";
    static final String URL = "https://" + HOST + "/prod/sms";

    /** What Twilio posts: the form, URL-encoded, and its signature. */
    record SignedForm(String body, String signature) {
    }

    private SignedWebhooks() {
    }

    static APIGatewayProxyRequestEvent sms(String account, String token, String sid, String body) {
        return event(form(account, token, sid, body));
    }

    static SignedForm form(String account, String token, String sid, String body) {
        // Built here, not with local-run's TwilioWebhookForms: the cold-start probe runs on the Lambda's class path alone.
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SmsMessageSid", sid);
        form.put("NumMedia", "0");
        form.put("Body", body);
        form.put("To", "+15550000001");
        form.put("MessageSid", sid);
        form.put("AccountSid", account);
        form.put("From", "+15557654321");
        String encoded = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new SignedForm(encoded, TwilioRequestSigner.sign(token, URL, form));
    }

    /** The event API Gateway hands the function for a form Twilio posted; nothing is signed here. */
    static APIGatewayProxyRequestEvent event(SignedForm form) {
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST").withResource("/sms").withPath("/sms")
                .withHeaders(Map.of("Host", HOST, "Content-Type", "application/x-www-form-urlencoded",
                        "X-Twilio-Signature", form.signature()))
                .withRequestContext(new ProxyRequestContext().withStage("prod").withPath("/prod/sms"))
                .withBody(form.body()).withIsBase64Encoded(false);
    }
}
