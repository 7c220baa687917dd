package org.smsoverxmpp.webhook.http;

/** What the webhook answers the provider. Rejections carry a short reason and never a stack trace. */
public record WebhookResponse(int status, String contentType, String body) {

    /** 200, with what the provider expects to read in a successful answer. */
    public static WebhookResponse ok(String contentType, String body) {
        return new WebhookResponse(200, contentType, body);
    }

    public static WebhookResponse rejected(int status, String reason) {
        return new WebhookResponse(status, "text/plain; charset=utf-8", reason + "\n");
    }
}
