package org.smsoverxmpp.webhook.provider;

import java.net.URI;
import java.net.URISyntaxException;
import org.smsoverxmpp.events.ParsedAddress;
import org.smsoverxmpp.events.SmsAddress;
import org.smsoverxmpp.webhook.http.WebhookRejection;

/**
 * The event contract's rules for the fields a webhook fills in (docs/event-contract.md), checked where a
 * provider's webhook becomes an event, whatever its format. Refusing here costs nothing, while a queued event
 * that cannot be delivered is retried and dead-lettered. Each reason names the field as the provider spells it
 * and the rule, never the value: reasons are logged and answered as they are.
 */
public final class EventFields {
    /** The most media items an MMS carries. */
    public static final int MAX_MEDIA = 10;
    /** The longest message, in characters: code points, so an emoji counts once. */
    public static final int MAX_BODY_CHARACTERS = 1600;
    /** Ids become FIFO keys, so nothing far longer or stranger than a provider's id passes. */
    public static final int MAX_ID_LENGTH = 64;

    private EventFields() {
    }

    /** A message or account id: 1 to 64 ASCII letters, digits and {@code -} (Twilio's SIDs, Telnyx's UUIDs). */
    public static String id(String field, String value) throws WebhookRejection {
        if (value == null || value.isEmpty() || value.length() > MAX_ID_LENGTH
                || !value.chars().allMatch(EventFields::isIdCharacter)) {
            throw WebhookRejection.badRequest(field + " must be 1 to " + MAX_ID_LENGTH
                    + " ASCII letters, digits and -");
        }
        return value;
    }

    /** Who an SMS came from: a phone number, a short code or a sender ID, exactly as the provider wrote it. */
    public static SmsAddress address(String field, String value) throws WebhookRejection {
        ParsedAddress parsed = SmsAddress.parse(value);
        if (parsed instanceof ParsedAddress.Invalid invalid) {
            throw WebhookRejection.badRequest(field + " is no phone number, short code or sender ID: " + invalid.reason());
        }
        return (SmsAddress) parsed;
    }

    /** Our numbers are the provider's phone numbers, always E.164. */
    public static String ourNumber(String field, String value) throws WebhookRejection {
        if (!(address(field, value) instanceof SmsAddress.Phone phone)) {
            throw WebhookRejection.badRequest(field + " must be one of our numbers, in E.164");
        }
        return phone.e164();
    }

    /** A message's text; none is an empty text (a media-only MMS). */
    public static String body(String field, String value) throws WebhookRejection {
        String body = value == null ? "" : value;
        int characters = body.codePointCount(0, body.length());
        if (characters > MAX_BODY_CHARACTERS) {
            throw WebhookRejection.badRequest(field + " has " + characters + " characters; the most an SMS carries is "
                    + MAX_BODY_CHARACTERS);
        }
        return body;
    }

    public static int mediaCount(String field, int count) throws WebhookRejection {
        if (count < 0 || count > MAX_MEDIA) {
            throw WebhookRejection.badRequest(field + " must be between 0 and " + MAX_MEDIA);
        }
        return count;
    }

    /** The bridge downloads each item: it needs a scheme it can fetch and a host to fetch it from. */
    public static String mediaUrl(String field, String value) throws WebhookRejection {
        if (value != null) {
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme();
                if (("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
                    return value;
                }
            } catch (URISyntaxException e) {
                // refused below
            }
        }
        throw WebhookRejection.badRequest(field + " must be an absolute http(s) URL");
    }

    private static boolean isIdCharacter(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }
}
