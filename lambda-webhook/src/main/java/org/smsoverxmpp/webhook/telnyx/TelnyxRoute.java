package org.smsoverxmpp.webhook.telnyx;

import java.time.Instant;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.http.WebhookRequest;
import org.smsoverxmpp.webhook.http.WebhookResponse;
import org.smsoverxmpp.webhook.provider.Received;
import org.smsoverxmpp.webhook.provider.WebhookRoute;

/**
 * Telnyx's one URL for every message event (the messaging profile's webhook URL): the signature and its time
 * (403), then the JSON (400). Telnyx wants a 200 and reads nothing in it.
 */
final class TelnyxRoute implements WebhookRoute {
    private final String path;
    private final TelnyxSignature signature;

    TelnyxRoute(String path, TelnyxSignature signature) {
        this.path = path;
        this.signature = signature;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public Received read(WebhookRequest request, Instant receivedAt) throws WebhookRejection {
        signature.verify(request);
        return TelnyxEvents.read(request.body(), receivedAt);
    }

    @Override
    public WebhookResponse accepted() {
        return WebhookResponse.ok("text/plain; charset=utf-8", "");
    }
}
