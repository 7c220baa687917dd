package org.smsoverxmpp.webhook;

import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.events.EventCodec;
import org.smsoverxmpp.events.QueueEvent;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.provider.WebhookProvider;
import org.smsoverxmpp.webhook.secrets.CachedSecret;

/**
 * SnapStart hooks. Before the snapshot: each enabled provider runs synthetic webhooks through its own checks and
 * parsing, their events go through the event codec (loading and JIT-warming those classes), and one harmless
 * AWS call builds and warms the SDK client. After restore: every provider re-reads its secret, which may have
 * been rotated since the snapshot and must not be served from a snapshot shared by many execution environments.
 */
public final class SnapStartPriming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
    /** Enough runs for the JIT to compile the hot path; a few milliseconds each, once per published version. */
    static final int PRIMING_REQUESTS = 50;

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
        for (WebhookProvider provider : providers) {
            for (QueueEvent event : provider.prime(PRIMING_REQUESTS)) {
                codec.encode(event);
            }
        }
        warmAws.run();
        LOG.info("primed for SnapStart: {}", providers.stream().map(WebhookProvider::name).toList());
    }

    /** A restore that cannot re-read a secret fails, and Lambda starts the environment again. */
    void refresh() throws CachedSecret.UnavailableException {
        for (WebhookProvider provider : providers) {
            provider.readSecret();
        }
        LOG.info("restored from SnapStart; webhook secrets re-read");
    }
}
