package org.smsoverxmpp.webhook.telnyx;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.smsoverxmpp.events.DeliveryStatus;
import org.smsoverxmpp.events.InboundSms;
import org.smsoverxmpp.events.Media;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.provider.EventFields;
import org.smsoverxmpp.webhook.provider.Received;

/**
 * Turns Telnyx's webhook JSON into queue events. Every message event comes to one URL, told apart by
 * {@code data.event_type}: {@code message.received} is an SMS or MMS to one of our numbers; {@code message.sent}
 * and {@code message.finalized} say what became of one we sent. Any other event is none of the gateway's
 * business and is ignored. Fields are held to the contract's rules ({@link EventFields}), and a refusal names the
 * field by its JSON path, never its value.
 */
public final class TelnyxEvents {
    public static final String RECEIVED = "message.received";
    public static final String SENT = "message.sent";
    public static final String FINALIZED = "message.finalized";
    static final String PROVIDER = TelnyxWebhooks.NAME;
    /** Event types are logged when ignored; one of another shape could be anyone's text. */
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z0-9_.]{1,64}");
    /** Telnyx never repeats a key, and one JSON value per body; anything else is refused rather than guessed at. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private TelnyxEvents() {
    }

    public static Received read(byte[] body, Instant receivedAt) throws WebhookRejection {
        JsonNode data = object(parse(body), "data", "data");
        String type = required(data, "event_type", "data.event_type");
        return switch (type) {
            case RECEIVED -> new Received.Event(inboundSms(object(data, "payload", "data.payload"), receivedAt));
            case SENT, FINALIZED -> new Received.Event(deliveryStatus(object(data, "payload", "data.payload"), receivedAt));
            default -> new Received.Ignored("event " + (EVENT_TYPE.matcher(type).matches() ? type : "of another type"));
        };
    }

    private static InboundSms inboundSms(JsonNode payload, Instant receivedAt) throws WebhookRejection {
        String id = EventFields.id("data.payload.id", required(payload, "id", "data.payload.id"));
        String from = EventFields.address("data.payload.from.phone_number",
                required(object(payload, "from", "data.payload.from"), "phone_number", "data.payload.from.phone_number"))
                .text();
        String to = EventFields.ourNumber("data.payload.to[0].phone_number",
                required(firstRecipient(payload), "phone_number", "data.payload.to[0].phone_number"));
        // An MMS may have no text at all.
        String text = EventFields.body("data.payload.text", text(payload, "text", "data.payload.text").orElse(""));
        return new InboundSms(PROVIDER, id, from, to, text, media(payload), receivedAt);
    }

    /** Our number is {@code from}, theirs {@code to[0]}; both are taken as Telnyx sends them, and may be absent. */
    private static DeliveryStatus deliveryStatus(JsonNode payload, Instant receivedAt) throws WebhookRejection {
        String id = EventFields.id("data.payload.id", required(payload, "id", "data.payload.id"));
        JsonNode recipient = firstRecipient(payload);
        String status = required(recipient, "status", "data.payload.to[0].status");
        JsonNode from = payload.path("from");
        String ours = from.isObject() ? text(from, "phone_number", "data.payload.from.phone_number").orElse("") : "";
        String theirs = text(recipient, "phone_number", "data.payload.to[0].phone_number").orElse("");
        JsonNode error = firstError(payload);
        return new DeliveryStatus(PROVIDER, id, TelnyxStatuses.neutral(status),
                error == null ? null : scalar(error, "code", "data.payload.errors[0].code").orElse(null),
                error == null ? null : text(error, "title", "data.payload.errors[0].title").orElse(null),
                ours, theirs, receivedAt);
    }

    private static List<Media> media(JsonNode payload) throws WebhookRejection {
        JsonNode items = payload.path("media");
        if (items.isMissingNode() || items.isNull()) {
            return List.of();
        }
        if (!items.isArray()) {
            throw WebhookRejection.badRequest("data.payload.media must be an array");
        }
        EventFields.mediaCount("data.payload.media", items.size());
        List<Media> media = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String path = "data.payload.media[" + i + "]";
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                throw WebhookRejection.badRequest(path + " must be an object");
            }
            String url = EventFields.mediaUrl(path + ".url", required(item, "url", path + ".url"));
            String type = text(item, "content_type", path + ".content_type").filter(t -> !t.isBlank())
                    .orElse("application/octet-stream");
            media.add(new Media(url, type));
        }
        return media;
    }

    private static JsonNode firstRecipient(JsonNode payload) throws WebhookRejection {
        JsonNode to = payload.path("to");
        if (!to.isArray() || to.isEmpty()) {
            throw WebhookRejection.badRequest("data.payload.to must be a list of at least one recipient");
        }
        if (!to.get(0).isObject()) {
            throw WebhookRejection.badRequest("data.payload.to[0] must be an object");
        }
        return to.get(0);
    }

    /** The first of {@code errors}, or null when there is none. */
    private static JsonNode firstError(JsonNode payload) throws WebhookRejection {
        JsonNode errors = payload.path("errors");
        if (errors.isMissingNode() || errors.isNull() || errors.isArray() && errors.isEmpty()) {
            return null;
        }
        if (!errors.isArray() || !errors.get(0).isObject()) {
            throw WebhookRejection.badRequest("data.payload.errors must be a list of objects");
        }
        return errors.get(0);
    }

    private static JsonNode parse(byte[] body) throws WebhookRejection {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw WebhookRejection.badRequest("body is not UTF-8");
        }
        try {
            JsonNode root = JSON.readTree(text);
            if (root != null && root.isObject()) {
                return root;
            }
        } catch (JacksonException e) {
            // A parser's message quotes the body; say only what is wrong.
        }
        throw WebhookRejection.badRequest("body is not a JSON object");
    }

    private static JsonNode object(JsonNode parent, String name, String path) throws WebhookRejection {
        JsonNode node = parent.path(name);
        if (!node.isObject()) {
            throw WebhookRejection.badRequest(node.isMissingNode() || node.isNull() ? "missing " + path
                    : path + " must be an object");
        }
        return node;
    }

    private static String required(JsonNode parent, String name, String path) throws WebhookRejection {
        return text(parent, name, path).filter(value -> !value.isBlank())
                .orElseThrow(() -> WebhookRejection.badRequest("missing " + path));
    }

    /** A string field, empty when absent or null; any other kind of value is refused. */
    private static Optional<String> text(JsonNode parent, String name, String path) throws WebhookRejection {
        JsonNode node = parent.path(name);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw WebhookRejection.badRequest(path + " must be a string");
        }
        return Optional.of(node.textValue());
    }

    /** An error code: Telnyx writes it as a string, but a number means the same. */
    private static Optional<String> scalar(JsonNode parent, String name, String path) throws WebhookRejection {
        JsonNode node = parent.path(name);
        if (node.isIntegralNumber()) {
            return Optional.of(node.asText());
        }
        return text(parent, name, path).filter(code -> !code.isBlank());
    }
}
