package org.smsoverxmpp.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON Telnyx posts to a messaging webhook (API v2), with the fields the gateway reads and the ones around them
 * that it does not, for the simulator, the tests and benchmarks. Every message event comes to one URL; its
 * {@code data.event_type} says which it is.
 */
public final class TelnyxWebhookEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String PROFILE_ID = "40017d3a-5c5b-4e2f-8c39-0f1e2d3c4b5a";

    private TelnyxWebhookEvents() {
    }

    /**
     * {@code message.received}: {@code from} wrote to our number {@code to}. {@code media} maps each URL to its
     * content type, in order; Telnyx's media URLs open without credentials.
     */
    public static byte[] received(String messageId, String from, String to, String text, Map<String, String> media) {
        ObjectNode event = event("message.received", messageId);
        ObjectNode payload = payload(event);
        payload.put("direction", "inbound").put("type", media.isEmpty() ? "SMS" : "MMS");
        payload.putObject("from").put("phone_number", from).put("carrier", "T-MOBILE USA, INC.").put("line_type", "Wireless");
        payload.putArray("to").addObject().put("phone_number", to).put("status", "webhook_delivered")
                .put("carrier", "TELNYX LLC").put("line_type", "VoIP");
        if (text != null) {
            payload.put("text", text);
        }
        ArrayNode items = payload.putArray("media");
        media.forEach((url, type) -> items.addObject().put("url", url).put("content_type", type).put("size", 1024));
        payload.putArray("errors");
        payload.put("received_at", Instant.now().toString());
        return bytes(event);
    }

    /**
     * {@code message.sent} or {@code message.finalized} for a message from our number {@code from} to {@code to};
     * {@code toStatus} is Telnyx's word ({@code sent}, {@code delivered}, {@code delivery_failed}, …), and an
     * error code and title may be null.
     */
    public static byte[] status(String eventType, String messageId, String from, String to, String toStatus,
            String errorCode, String errorTitle) {
        ObjectNode event = event(eventType, messageId);
        ObjectNode payload = payload(event);
        payload.put("direction", "outbound").put("type", "SMS");
        payload.putObject("from").put("phone_number", from).put("carrier", "TELNYX LLC").put("line_type", "VoIP");
        payload.putArray("to").addObject().put("phone_number", to).put("status", toStatus)
                .put("carrier", "T-MOBILE USA, INC.").put("line_type", "Wireless");
        ArrayNode errors = payload.putArray("errors");
        if (errorCode != null) {
            errors.addObject().put("code", errorCode).put("title", errorTitle == null ? "" : errorTitle)
                    .put("detail", "The message could not be delivered.");
        }
        return bytes(event);
    }

    /** An event of a type the gateway has no business with (a call, say). */
    public static byte[] other(String eventType) {
        return bytes(event(eventType, UUID.randomUUID().toString()));
    }

    private static ObjectNode event(String eventType, String messageId) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode data = event.putObject("data");
        data.put("record_type", "event").put("id", UUID.randomUUID().toString()).put("event_type", eventType)
                .put("occurred_at", Instant.now().toString());
        data.putObject("payload").put("record_type", "message").put("id", messageId)
                .put("messaging_profile_id", PROFILE_ID);
        event.putObject("meta").put("attempt", 1);
        return event;
    }

    private static ObjectNode payload(ObjectNode event) {
        return (ObjectNode) event.path("data").path("payload");
    }

    private static byte[] bytes(ObjectNode event) {
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }
}
