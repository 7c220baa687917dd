package org.smsoverxmpp.webhook;

import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.events.LogSafe;
import org.smsoverxmpp.events.QueueEvent;
import org.smsoverxmpp.webhook.http.FormBody;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.http.WebhookRequest;
import org.smsoverxmpp.webhook.http.WebhookResponse;
import org.smsoverxmpp.webhook.queue.EventQueue;
import org.smsoverxmpp.webhook.queue.EventQueue.QueueUnavailableException;
import org.smsoverxmpp.webhook.twilio.TwilioCredentials;
import org.smsoverxmpp.webhook.twilio.TwilioForms;
import org.smsoverxmpp.webhook.twilio.TwilioSignature;

/**
 * The webhook as ordered guard clauses, each with its own status; only a request that passes all of them
 * is enqueued, and only an enqueued one is answered 200. Its log lines show numbers through
 * {@link LogSafe} and never a body or a token.
 */
public class WebhookService {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookService.class);
    public static final String SMS_ROUTE = "/sms";
    public static final String STATUS_ROUTE = "/status";

    private final TwilioSignature signature;
    private final EventQueue queue;
    private final int maxBodyBytes;
    private final Clock clock;

    public WebhookService(TwilioSignature signature, EventQueue queue, int maxBodyBytes, Clock clock) {
        this.signature = signature;
        this.queue = queue;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
    }

    public WebhookResponse handle(WebhookRequest request) {
        try {
            QueueEvent event = accept(request);
            queue.enqueue(event);
            LOG.info("enqueued {} {} from {} to {}", request.route(), event.messageId(),
                    LogSafe.number(event.from()), LogSafe.number(event.to()));
            return WebhookResponse.accepted();
        } catch (WebhookRejection rejection) {
            LOG.warn("rejected {} {}: {} {}{}", request.method(), request.route(), rejection.status(),
                    rejection.getMessage(), rejection.getCause() == null ? "" : " (" + rejection.getCause().getMessage() + ")");
            return rejection.toResponse();
        } catch (QueueUnavailableException e) {
            // 5xx makes Twilio retry; the FIFO deduplication absorbs the copy if SQS did store it.
            LOG.error("queue unavailable, asking Twilio to retry: {}", e.getMessage());
            return WebhookResponse.rejected(503, "queue unavailable, retry later");
        }
    }

    /** Every check and the parsing, without enqueuing: what {@link #handle} does before it stores the event. */
    public QueueEvent accept(WebhookRequest request) throws WebhookRejection {
        if (!request.route().equals(SMS_ROUTE) && !request.route().equals(STATUS_ROUTE)) {
            throw new WebhookRejection(404, "no webhook at " + request.route());
        }
        if (!request.method().equals("POST")) {
            throw new WebhookRejection(405, "only POST is accepted");
        }
        if (!FormBody.isForm(request.header("Content-Type").orElse(null))) {
            throw new WebhookRejection(415, "expected application/x-www-form-urlencoded");
        }
        if (request.body().length > maxBodyBytes) {
            throw new WebhookRejection(413, "body larger than " + maxBodyBytes + " bytes");
        }
        Map<String, String> form = FormBody.parse(request.body());
        TwilioCredentials credentials = signature.verify(
                request.calledUrl(), form, request.header(TwilioSignature.HEADER));
        if (!credentials.accountSid().equals(form.get("AccountSid"))) {
            throw WebhookRejection.forbidden("AccountSid is not this gateway's account");
        }
        return request.route().equals(SMS_ROUTE)
                ? TwilioForms.inboundSms(form, clock.instant())
                : TwilioForms.deliveryStatus(form, clock.instant());
    }
}
