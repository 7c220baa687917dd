package org.smsoverxmpp.webhook.twilio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.smsoverxmpp.events.DeliveryStatus;
import org.smsoverxmpp.events.InboundSms;
import org.smsoverxmpp.events.Media;
import org.smsoverxmpp.events.MessageStatus;
import org.smsoverxmpp.events.twilio.TwilioStatuses;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.provider.EventFields;

/**
 * Turns Twilio-format webhook forms into queue events, refusing what the bridge could never deliver
 * ({@link EventFields}). Twilio posts them, and SignalWire posts the same forms; the events carry the name of
 * whichever provider this reads for.
 */
public final class TwilioForms {
    private final String provider;

    public TwilioForms(String provider) {
        this.provider = provider;
    }

    public InboundSms inboundSms(Map<String, String> form, Instant receivedAt) throws WebhookRejection {
        String messageSid = messageSid(form);
        sid(form, "AccountSid"); // checked against the gateway's account by the caller
        String from = EventFields.address("From", required(form, "From")).text();
        String to = EventFields.ourNumber("To", required(form, "To"));
        String body = EventFields.body("Body", form.get("Body"));
        return new InboundSms(provider, messageSid, from, to, body, media(form), receivedAt);
    }

    /** Status callbacks are taken as Twilio sends them: {@code From} and {@code To} may be absent. */
    public DeliveryStatus deliveryStatus(Map<String, String> form, Instant receivedAt) throws WebhookRejection {
        String messageSid = messageSid(form);
        sid(form, "AccountSid"); // checked against the gateway's account by the caller
        MessageStatus status = TwilioStatuses.neutral(required(form, "MessageStatus"));
        String errorCode = form.get("ErrorCode");
        return new DeliveryStatus(provider, messageSid, status,
                errorCode == null || errorCode.isBlank() ? null : errorCode, null,
                form.get("From"), form.get("To"), receivedAt);
    }

    /** Older webhooks call it SmsSid / SmsMessageSid; Twilio still sends both. */
    private static String messageSid(Map<String, String> form) throws WebhookRejection {
        for (String name : List.of("MessageSid", "SmsMessageSid", "SmsSid")) {
            String value = form.get(name);
            if (value != null && !value.isBlank()) {
                return sid(form, name);
            }
        }
        throw WebhookRejection.badRequest("missing form field 'MessageSid'");
    }

    private static String sid(Map<String, String> form, String name) throws WebhookRejection {
        return EventFields.id(name, required(form, name));
    }

    private static List<Media> media(Map<String, String> form) throws WebhookRejection {
        int numMedia = numMedia(form);
        List<Media> media = new ArrayList<>(numMedia);
        for (int i = 0; i < numMedia; i++) {
            String name = "MediaUrl" + i;
            media.add(new Media(EventFields.mediaUrl(name, required(form, name)),
                    form.getOrDefault("MediaContentType" + i, "application/octet-stream")));
        }
        return media;
    }

    private static int numMedia(Map<String, String> form) throws WebhookRejection {
        String value = form.getOrDefault("NumMedia", "0").trim();
        // Integer.parseInt would also take other scripts' digits and a sign.
        if (value.isEmpty() || value.length() > 2 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw WebhookRejection.badRequest("NumMedia is not a number");
        }
        return EventFields.mediaCount("NumMedia", Integer.parseInt(value));
    }

    private static String required(Map<String, String> form, String name) throws WebhookRejection {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw WebhookRejection.badRequest("missing form field '" + name + "'");
        }
        return value;
    }
}
