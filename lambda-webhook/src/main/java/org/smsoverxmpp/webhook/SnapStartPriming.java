package org.smsoverxmpp.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.events.EventCodec;
import org.smsoverxmpp.webhook.http.ApiGatewayRequests;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.twilio.TwilioCredentials;
import org.smsoverxmpp.webhook.twilio.TwilioRequestSigner;
import org.smsoverxmpp.webhook.twilio.TwilioSecret;

/**
 * SnapStart hooks. Before the snapshot: run signed synthetic webhooks, as API Gateway hands them over,
 * through the event's adaptation, every check and the event codec (loading and JIT-warming those classes)
 * and make one harmless AWS call so the SDK client is built and warm. After restore: re-read the Twilio
 * secret, which may have been rotated since the snapshot and must not be served from a snapshot shared by
 * many execution environments.
 */
public final class SnapStartPriming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    static final String PRIMING_BASE_URL = "https://priming.invalid";
    static final String PRIMING_URL = PRIMING_BASE_URL + WebhookService.SMS_ROUTE;

    private final WebhookService service;
    private final TwilioSecret secret;
    private final Runnable warmAws;
    private final EventCodec codec = new EventCodec();

    public SnapStartPriming(WebhookService service, TwilioSecret secret, Runnable warmAws) {
        this.service = service;
        this.secret = secret;
        this.warmAws = warmAws;
    }

    /** CRaC holds resources weakly: the caller must keep this object reachable. */
    public SnapStartPriming register() {
        Core.getGlobalContext().register(this);
        return this;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) throws Exception {
        refresh();
    }

    void prime() throws WebhookRejection, TwilioSecret.UnavailableException {
        TwilioCredentials credentials = secret.current();
        for (int i = 0; i < 50; i++) {
            codec.encode(service.accept(ApiGatewayRequests.adapt(syntheticRequest(credentials, i),
                    Optional.of(PRIMING_BASE_URL))));
        }
        warmAws.run();
        LOG.info("primed for SnapStart");
    }

    /** A restore that cannot re-read the secret fails, and Lambda starts the environment again. */
    void refresh() throws TwilioSecret.UnavailableException {
        secret.refreshIfOlderThan(Duration.ZERO);
        LOG.info("restored from SnapStart; Twilio secret re-read");
    }

    private static APIGatewayProxyRequestEvent syntheticRequest(TwilioCredentials credentials, int n) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", String.format("SM%032d", n));
        form.put("AccountSid", credentials.accountSid());
        form.put("From", "+15550000000");
        form.put("To", "+15550000001");
        form.put("Body", "priming " + n + " é 👋");
        form.put("NumMedia", "0");
        String body = form.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST").withResource(WebhookService.SMS_ROUTE).withPath(WebhookService.SMS_ROUTE)
                .withHeaders(Map.of("Content-Type", "application/x-www-form-urlencoded",
                        "X-Twilio-Signature", TwilioRequestSigner.sign(credentials.authToken(), PRIMING_URL, form)))
                .withBody(body);
    }
}
