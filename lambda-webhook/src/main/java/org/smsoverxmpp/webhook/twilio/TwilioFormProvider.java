package org.smsoverxmpp.webhook.twilio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.smsoverxmpp.events.QueueEvent;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.provider.WebhookProvider;
import org.smsoverxmpp.webhook.provider.WebhookRoute;
import org.smsoverxmpp.webhook.secrets.CachedSecret;
import org.smsoverxmpp.webhook.secrets.SecretSource;

/**
 * A provider whose webhooks are Twilio-format forms, Twilio's own or a copy's: an SMS route and a status route
 * (or several of each), one signature check, one secret.
 */
public class TwilioFormProvider implements WebhookProvider {
    private final String name;
    private final SecretSource<? extends SigningAccount> secret;
    private final TwilioFormRoute primedRoute;
    private final List<WebhookRoute> routes = new ArrayList<>();

    /**
     * @param smsPaths    where SMS arrive, the first being the one SnapStart primes
     * @param statusPaths where status callbacks arrive
     */
    protected TwilioFormProvider(String name, SecretSource<? extends SigningAccount> secret, TwilioSignature signature,
            List<String> smsPaths, List<String> statusPaths) {
        this.name = name;
        this.secret = secret;
        TwilioForms forms = new TwilioForms(name);
        smsPaths.forEach(path -> routes.add(new TwilioFormRoute(path, TwilioFormRoute.Kind.SMS, signature, forms)));
        statusPaths.forEach(path -> routes.add(new TwilioFormRoute(path, TwilioFormRoute.Kind.STATUS, signature, forms)));
        primedRoute = (TwilioFormRoute) routes.get(0);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<WebhookRoute> routes() {
        return List.copyOf(routes);
    }

    @Override
    public void readSecret() throws CachedSecret.UnavailableException {
        secret.refreshIfOlderThan(Duration.ZERO);
    }

    @Override
    public List<QueueEvent> prime(int count) throws WebhookRejection, CachedSecret.UnavailableException {
        return TwilioFormPriming.prime(primedRoute, secret.current(), count);
    }
}
