package org.smsoverxmpp.webhook.twilio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.smsoverxmpp.events.DeliveryStatus;
import org.smsoverxmpp.events.InboundSms;
import org.smsoverxmpp.events.Media;
import org.smsoverxmpp.webhook.http.WebhookRejection;

/** Turns Twilio's webhook forms into queue events, refusing forms that lack what the bridge needs. */
public final class TwilioForms {
    /** Twilio allows at most 10 media items per MMS. */
    static final int MAX_MEDIA = 10;

    private TwilioForms() {
    }

    public static InboundSms inboundSms(Map<String, String> form, Instant receivedAt) throws WebhookRejection {
        int numMedia = numMedia(form);
        List<Media> media = new ArrayList<>(numMedia);
        for (int i = 0; i < numMedia; i++) {
            media.add(new Media(required(form, "MediaUrl" + i),
                    form.getOrDefault("MediaContentType" + i, "application/octet-stream")));
        }
        return new InboundSms(messageSid(form), required(form, "AccountSid"), required(form, "From"),
                required(form, "To"), form.getOrDefault("Body", ""), media, receivedAt);
    }

    public static DeliveryStatus deliveryStatus(Map<String, String> form, Instant receivedAt) throws WebhookRejection {
        String status = required(form, "MessageStatus");
        String errorCode = form.get("ErrorCode");
        return new DeliveryStatus(messageSid(form), required(form, "AccountSid"), status,
                errorCode == null || errorCode.isBlank() ? null : errorCode,
                form.get("From"), form.get("To"), receivedAt);
    }

    /** Older webhooks call it SmsSid / SmsMessageSid; Twilio still sends both. */
    private static String messageSid(Map<String, String> form) throws WebhookRejection {
        for (String name : List.of("MessageSid", "SmsMessageSid", "SmsSid")) {
            String value = form.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw WebhookRejection.badRequest("missing form field 'MessageSid'");
    }

    private static int numMedia(Map<String, String> form) throws WebhookRejection {
        String value = form.getOrDefault("NumMedia", "0");
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0 || n > MAX_MEDIA) {
                throw WebhookRejection.badRequest("NumMedia must be between 0 and " + MAX_MEDIA);
            }
            return n;
        } catch (NumberFormatException e) {
            throw WebhookRejection.badRequest("NumMedia is not a number");
        }
    }

    private static String required(Map<String, String> form, String name) throws WebhookRejection {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw WebhookRejection.badRequest("missing form field '" + name + "'");
        }
        return value;
    }
}
