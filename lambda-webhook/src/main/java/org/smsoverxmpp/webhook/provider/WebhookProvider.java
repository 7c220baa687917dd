package org.smsoverxmpp.webhook.provider;

import java.util.List;
import org.smsoverxmpp.events.QueueEvent;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.secrets.CachedSecret;

/**
 * One SMS provider's side of the webhook: its routes, and its secret's life cycle. Each provider has a package
 * of its own and is registered once, in {@code WebhookProviders}; nothing else in the function names one.
 */
public interface WebhookProvider {

    /** The provider's name, as the events it writes carry it ({@code twilio}, {@code telnyx}). */
    String name();

    List<WebhookRoute> routes();

    /**
     * Reads the secret now: at start, where a function that cannot read it must not start, and after a SnapStart
     * restore, where the copy in the snapshot may be out of date.
     */
    void readSecret() throws CachedSecret.UnavailableException;

    /**
     * Before a SnapStart snapshot: runs {@code count} synthetic webhooks through the provider's own checks and
     * parsing, so that code is loaded and compiled before the first real request, and returns the events they
     * became. Nothing is queued.
     */
    List<QueueEvent> prime(int count) throws WebhookRejection, CachedSecret.UnavailableException;
}
