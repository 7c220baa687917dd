package org.smsoverxmpp.webhook.twilio;

import java.time.Instant;
import java.util.Map;
import org.smsoverxmpp.webhook.http.FormBody;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.http.WebhookRequest;
import org.smsoverxmpp.webhook.http.WebhookResponse;
import org.smsoverxmpp.webhook.provider.Received;
import org.smsoverxmpp.webhook.provider.WebhookRoute;

/**
 * A route that takes Twilio-format webhook forms, Twilio's or a provider's that copies them: the form (400),
 * its signature against the URL the provider called (403), its {@code AccountSid} (403), then its fields
 * (400). Answered with an empty TwiML {@code <Response/>}: nothing to reply by SMS.
 */
public final class TwilioFormRoute implements WebhookRoute {
    /** The provider reads the answer as TwiML; an empty Response means "nothing to reply by SMS". */
    public static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    /** Which of the two webhooks the route takes. */
    public enum Kind { SMS, STATUS }

    private final String path;
    private final Kind kind;
    private final TwilioSignature signature;
    private final TwilioForms forms;

    public TwilioFormRoute(String path, Kind kind, TwilioSignature signature, TwilioForms forms) {
        this.path = path;
        this.kind = kind;
        this.signature = signature;
        this.forms = forms;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String mediaType() {
        return FormBody.MEDIA_TYPE;
    }

    @Override
    public Received read(WebhookRequest request, Instant receivedAt) throws WebhookRejection {
        Map<String, String> form = FormBody.parse(request.body());
        SigningAccount account = signature.verify(request.calledUrl(), form, signature.signatureOf(request));
        if (!account.accountSid().equals(form.get("AccountSid"))) {
            throw WebhookRejection.forbidden("AccountSid is not this gateway's account");
        }
        return new Received.Event(kind == Kind.SMS ? forms.inboundSms(form, receivedAt)
                : forms.deliveryStatus(form, receivedAt));
    }

    @Override
    public WebhookResponse accepted() {
        return WebhookResponse.ok("text/xml", EMPTY_TWIML);
    }
}
