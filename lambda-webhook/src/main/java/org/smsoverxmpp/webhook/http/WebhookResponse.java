package org.smsoverxmpp.webhook.http;

/** What the webhook answers Twilio. Rejections carry a short reason and never a stack trace. */
public record WebhookResponse(int status, String contentType, String body) {

    /** Twilio reads the answer as TwiML; an empty Response means "nothing to reply by SMS". */
    public static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    public static WebhookResponse accepted() {
        return new WebhookResponse(200, "text/xml", EMPTY_TWIML);
    }

    public static WebhookResponse rejected(int status, String reason) {
        return new WebhookResponse(status, "text/plain; charset=utf-8", reason + "\n");
    }
}
