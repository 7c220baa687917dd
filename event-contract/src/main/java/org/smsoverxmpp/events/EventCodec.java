package org.smsoverxmpp.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.smsoverxmpp.events.twilio.VersionOneEvents;

/**
 * The queue's wire format (docs/event-contract.md). Fields are written out by hand so the contract is
 * readable here, and so a renamed record component cannot silently change it. Writes version 2; reads 2, and
 * 1 (which only Twilio's webhook wrote) for the events still in a queue when the bridge is upgraded.
 */
public final class EventCodec {
    public static final int VERSION = 2;
    public static final String TYPE_SMS = "sms";
    public static final String TYPE_STATUS = "status";

    private final ObjectMapper mapper = SqsSafeJson.mapper();

    public String encode(QueueEvent event) {
        ObjectNode json = mapper.createObjectNode();
        json.put("version", VERSION);
        if (event instanceof InboundSms sms) {
            json.put("type", TYPE_SMS);
            putCommon(json, sms);
            json.put("body", sms.body());
            ArrayNode media = json.putArray("media");
            for (Media m : sms.media()) {
                media.addObject().put("url", m.url()).put("contentType", m.contentType());
            }
        } else if (event instanceof DeliveryStatus status) {
            json.put("type", TYPE_STATUS);
            putCommon(json, status);
            json.put("status", status.status().wire());
            if (status.errorCode() != null) {
                json.put("errorCode", status.errorCode());
            }
            if (status.errorText() != null) {
                json.put("errorText", status.errorText());
            }
        }
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write an event", e);
        }
    }

    public QueueEvent decode(String text) throws MalformedEventException {
        JsonNode json;
        try {
            json = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (json == null || !json.isObject()) {
            throw new MalformedEventException("not a JSON object");
        }
        int version = json.path("version").asInt(-1);
        if (version == VersionOneEvents.VERSION) {
            return VersionOneEvents.decode(json);
        }
        if (version != VERSION) {
            throw new MalformedEventException("unsupported event version " + json.path("version"));
        }
        String type = required(json, "type");
        try {
            return switch (type) {
                case TYPE_SMS -> new InboundSms(
                        required(json, "provider"), required(json, "messageId"),
                        required(json, "from"), required(json, "to"),
                        json.path("body").asText(""), media(json), instant(json));
                case TYPE_STATUS -> new DeliveryStatus(
                        required(json, "provider"), required(json, "messageId"),
                        MessageStatus.fromWire(required(json, "status")),
                        optional(json, "errorCode"), optional(json, "errorText"),
                        json.path("from").asText(""), json.path("to").asText(""), instant(json));
                default -> throw new MalformedEventException("unknown event type '" + type + "'");
            };
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new MalformedEventException("invalid " + type + " event: " + e.getMessage(), e);
        }
    }

    private static void putCommon(ObjectNode json, QueueEvent event) {
        json.put("provider", event.provider());
        json.put("messageId", event.messageId());
        json.put("from", event.from());
        json.put("to", event.to());
        json.put("receivedAt", event.receivedAt().toString());
    }

    /** The {@code media} array, as both versions write it. */
    public static List<Media> media(JsonNode json) throws MalformedEventException {
        JsonNode media = json.path("media");
        if (media.isMissingNode() || media.isNull()) {
            return List.of();
        }
        if (!media.isArray()) {
            throw new MalformedEventException("media must be an array");
        }
        List<Media> items = new ArrayList<>();
        for (JsonNode item : media) {
            items.add(new Media(required(item, "url"), item.path("contentType").asText("application/octet-stream")));
        }
        return items;
    }

    /** {@code receivedAt}, as both versions write it. */
    public static Instant instant(JsonNode json) throws MalformedEventException {
        String text = required(json, "receivedAt");
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("receivedAt is not an ISO-8601 instant: " + text, e);
        }
    }

    public static String required(JsonNode json, String field) throws MalformedEventException {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new MalformedEventException("missing field '" + field + "'");
        }
        return value.asText();
    }

    public static String optional(JsonNode json, String field) {
        return json.hasNonNull(field) ? json.get(field).asText() : null;
    }
}
