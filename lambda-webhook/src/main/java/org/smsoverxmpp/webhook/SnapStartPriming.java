package org.smsoverxmpp.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.events.EventCodec;
import org.smsoverxmpp.events.QueueEvent;
import org.smsoverxmpp.webhook.http.ApiGatewayRequests;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.provider.WebhookProvider;
import org.smsoverxmpp.webhook.secrets.CachedSecret;

/**
 * SnapStart hooks. Before the snapshot: API Gateway's events are adapted as every request's are, each enabled provider runs synthetic webhooks through its own checks and
 * parsing, their events go through the event codec (loading and JIT-warming those classes), and one harmless
 * AWS call builds and warms the SDK client. After restore: every provider re-reads its secret, which may have
 * been rotated since the snapshot and must not be served from a snapshot shared by many execution environments.
 */
public final class SnapStartPriming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    /** Enough runs for the JIT to compile the hot path; a few milliseconds each, once per published version. */
    static final int PRIMING_REQUESTS = 50;
    static final String PRIMING_BASE_URL = "https://priming.invalid";

    private final List<WebhookProvider> providers;
    private final Runnable warmAws;
    private final EventCodec codec = new EventCodec();

    public SnapStartPriming(List<WebhookProvider> providers, Runnable warmAws) {
        this.providers = List.copyOf(providers);
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

    void prime() throws WebhookRejection, CachedSecret.UnavailableException {
        // The first step of every request: API Gateway's event adapted, headers folded, the called URL rebuilt.
        for (int i = 0; i < PRIMING_REQUESTS; i++) {
            ApiGatewayRequests.adapt(apiGatewayEvent(i), Optional.of(PRIMING_BASE_URL));
        }
        for (WebhookProvider provider : providers) {
            for (QueueEvent event : provider.prime(PRIMING_REQUESTS)) {
                codec.encode(event);
            }
        }
        warmAws.run();
        LOG.info("primed for SnapStart: {}", providers.stream().map(WebhookProvider::name).toList());
    }

    private static APIGatewayProxyRequestEvent apiGatewayEvent(int n) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("POST").withResource("/twilio/sms")
                .withPath("/prod/twilio/sms").withHeaders(Map.of("Content-Type", "application/x-www-form-urlencoded",
                        "Host", "priming.invalid", "X-Twilio-Signature", "priming" + n))
                .withBody("MessageSid=SM" + n + "&Body=priming+%C3%A9");
    }

    /** A restore that cannot re-read a secret fails, and Lambda starts the environment again. */
    void refresh() throws CachedSecret.UnavailableException {
        for (WebhookProvider provider : providers) {
            provider.readSecret();
        }
        LOG.info("restored from SnapStart; webhook secrets re-read");
    }
}
