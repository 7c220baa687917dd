package org.smsoverxmpp.webhook.http;

/** A request the webhook refuses, with the status and the reason the caller is told. */
public class WebhookRejection extends Exception {
    private final int status;

    public WebhookRejection(int status, String reason) {
        super(reason);
        this.status = status;
    }

    /** @param cause what went wrong on our side, for the log; the caller is told only the reason */
    public WebhookRejection(int status, String reason, Throwable cause) {
        super(reason, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public WebhookResponse toResponse() {
        return WebhookResponse.rejected(status, getMessage());
    }

    public static WebhookRejection badRequest(String reason) {
        return new WebhookRejection(400, reason);
    }

    public static WebhookRejection forbidden(String reason) {
        return new WebhookRejection(403, reason);
    }

    /** Not refused for good: providers retry a 5xx (Twilio with README's #rc=5&rp=ct,rt,5xx). */
    public static WebhookRejection unavailable(String reason, Throwable cause) {
        return new WebhookRejection(503, reason, cause);
    }
}
