package org.smsoverxmpp.webhook.twilio;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.smsoverxmpp.events.DeliveryStatus;
import org.smsoverxmpp.events.InboundSms;
import org.smsoverxmpp.events.Media;
import org.smsoverxmpp.events.MessageStatus;
import org.smsoverxmpp.events.ParsedAddress;
import org.smsoverxmpp.events.SmsAddress;
import org.smsoverxmpp.events.twilio.TwilioStatuses;
import org.smsoverxmpp.webhook.http.WebhookRejection;

/**
 * Turns Twilio's webhook forms into queue events, refusing what the bridge could never deliver. Refusing
 * here costs nothing, while a queued event that cannot be delivered is retried and dead-lettered.
 * Reasons name the field and the rule, never the value: they are logged and answered as they are.
 */
public final class TwilioForms {
    /** Twilio allows at most 10 media items per MMS. */
    static final int MAX_MEDIA = 10;
    /** Twilio's longest message, in characters: code points, so an emoji counts once. */
    static final int MAX_BODY_CHARACTERS = 1600;
    /** Twilio's SIDs have 34 characters; they become FIFO keys, so nothing far longer or stranger passes. */
    static final int MAX_SID_LENGTH = 64;

    /** The provider's name in the events this writes. */
    public static final String PROVIDER = "twilio";

    private TwilioForms() {
    }

    public static InboundSms inboundSms(Map<String, String> form, Instant receivedAt) throws WebhookRejection {
        String messageSid = messageSid(form);
        sid(form, "AccountSid"); // checked against the gateway's account by the caller
        String from = address(form, "From").text();
        String to = ourNumber(form, "To");
        String body = body(form);
        return new InboundSms(PROVIDER, messageSid, from, to, body, media(form), receivedAt);
    }

    /** Status callbacks are taken as Twilio sends them: {@code From} and {@code To} may be absent. */
    public static DeliveryStatus deliveryStatus(Map<String, String> form, Instant receivedAt) throws WebhookRejection {
        String messageSid = messageSid(form);
        sid(form, "AccountSid"); // checked against the gateway's account by the caller
        MessageStatus status = TwilioStatuses.neutral(required(form, "MessageStatus"));
        String errorCode = form.get("ErrorCode");
        return new DeliveryStatus(PROVIDER, messageSid, status,
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
        String value = required(form, name);
        if (value.length() > MAX_SID_LENGTH || !value.chars().allMatch(TwilioForms::isAsciiLetterOrDigit)) {
            throw WebhookRejection.badRequest(name + " must be 1 to " + MAX_SID_LENGTH + " ASCII letters and digits");
        }
        return value;
    }

    private static SmsAddress address(Map<String, String> form, String name) throws WebhookRejection {
        ParsedAddress parsed = SmsAddress.parse(required(form, name));
        if (parsed instanceof ParsedAddress.Invalid invalid) {
            throw WebhookRejection.badRequest(name + " is no phone number, short code or sender ID: " + invalid.reason());
        }
        return (SmsAddress) parsed;
    }

    /** Our numbers are Twilio phone numbers, always E.164. */
    private static String ourNumber(Map<String, String> form, String name) throws WebhookRejection {
        SmsAddress address = address(form, name);
        if (!(address instanceof SmsAddress.Phone phone)) {
            throw WebhookRejection.badRequest(name + " must be one of our numbers, in E.164");
        }
        return phone.e164();
    }

    private static String body(Map<String, String> form) throws WebhookRejection {
        String body = form.getOrDefault("Body", "");
        int characters = body.codePointCount(0, body.length());
        if (characters > MAX_BODY_CHARACTERS) {
            throw WebhookRejection.badRequest("Body has " + characters + " characters; Twilio's maximum is "
                    + MAX_BODY_CHARACTERS);
        }
        return body;
    }

    private static List<Media> media(Map<String, String> form) throws WebhookRejection {
        int numMedia = numMedia(form);
        List<Media> media = new ArrayList<>(numMedia);
        for (int i = 0; i < numMedia; i++) {
            media.add(new Media(mediaUrl(form, "MediaUrl" + i),
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
        int n = Integer.parseInt(value);
        if (n > MAX_MEDIA) {
            throw WebhookRejection.badRequest("NumMedia must be between 0 and " + MAX_MEDIA);
        }
        return n;
    }

    /** The bridge downloads each item: it needs a scheme it can fetch and a host to fetch it from. */
    private static String mediaUrl(Map<String, String> form, String name) throws WebhookRejection {
        String url = required(form, name);
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw WebhookRejection.badRequest(name + " must be an absolute http(s) URL");
    }

    private static String required(Map<String, String> form, String name) throws WebhookRejection {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw WebhookRejection.badRequest("missing form field '" + name + "'");
        }
        return value;
    }

    private static boolean isAsciiLetterOrDigit(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
