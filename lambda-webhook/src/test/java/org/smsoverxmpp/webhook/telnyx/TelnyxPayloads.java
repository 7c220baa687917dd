package org.smsoverxmpp.webhook.telnyx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * Telnyx's messaging webhooks as its API reference shows them, with the fields the webhook reads and a few it
 * does not. Tests change what they test.
 */
public final class TelnyxPayloads {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String MESSAGE_ID = "7ee4241c-f127-47e5-9c34-3aac291f8058";
    public static final String THEIR_NUMBER = "+15557654321";
    public static final String OUR_NUMBER = "+15550001111";

    private TelnyxPayloads() {
    }

    /** {@code message.received}: their number wrote "Hello, World!" to ours. */
    public static ObjectNode received() {
        ObjectNode event = event("message.received");
        ObjectNode payload = (ObjectNode) event.path("data").path("payload");
        payload.put("direction", "inbound").put("type", "SMS").put("text", "Hello, World!");
        payload.putObject("from").put("phone_number", THEIR_NUMBER).put("carrier", "T-MOBILE USA, INC.")
                .put("line_type", "Wireless");
        payload.putArray("to").addObject().put("phone_number", OUR_NUMBER).put("status", "webhook_delivered")
                .put("carrier", "TELNYX LLC").put("line_type", "VoIP");
        payload.putArray("media");
        payload.putArray("errors");
        return event;
    }

    /** {@code message.sent} or {@code message.finalized} for a message from our number to theirs. */
    public static ObjectNode status(String eventType, String toStatus) {
        ObjectNode event = event(eventType);
        ObjectNode payload = (ObjectNode) event.path("data").path("payload");
        payload.put("direction", "outbound").put("type", "SMS").put("text", "on my way");
        payload.putObject("from").put("phone_number", OUR_NUMBER).put("carrier", "TELNYX LLC").put("line_type", "VoIP");
        payload.putArray("to").addObject().put("phone_number", THEIR_NUMBER).put("status", toStatus)
                .put("carrier", "T-MOBILE USA, INC.").put("line_type", "Wireless");
        payload.putArray("errors");
        return event;
    }

    public static ObjectNode payload(ObjectNode event) {
        return (ObjectNode) event.path("data").path("payload");
    }

    public static byte[] bytes(ObjectNode event) {
        try {
            return JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode event(String eventType) {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode data = event.putObject("data");
        data.put("record_type", "event").put("id", "bf6307bd-884d-4c1f-b6ea-c62b8c495d3c").put("event_type", eventType)
                .put("occurred_at", "2026-11-25T12:00:00.000+00:00");
        data.putObject("payload").put("record_type", "message").put("id", MESSAGE_ID)
                .put("messaging_profile_id", "0f512bda-ae1e-4597-8e11-e5f5686b97d3");
        event.putObject("meta").put("attempt", 1).put("delivered_to", "https://example.com/telnyx/events");
        return event;
    }
}
