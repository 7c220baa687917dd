package org.smsoverxmpp.bridge.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smsoverxmpp.events.SqsSafeJson;

/** An outbox message as JSON (version 1), written and read only by the bridge. */
final class OutboundMessageCodec {
    /** Escapes what SQS refuses in a message body (a lone surrogate, say), as the event queue's codec does. */
    private final ObjectMapper json = SqsSafeJson.mapper();

    String encode(OutboundMessage message) {
        ObjectNode node = json.createObjectNode().put("v", 1).put("id", message.id()).put("sender", message.sender())
                .put("stanzaId", message.stanzaId()).put("contact", message.contact()).put("to", message.to())
                .put("body", message.body()).put("caption", message.caption())
                .put("receipt", message.receiptRequested()).put("acceptedAt", message.acceptedAt().toString());
        ArrayNode media = node.putArray("media");
        message.media().forEach(media::add);
        try {
            return json.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write an outbox message", e);
        }
    }

    /** @throws IllegalArgumentException when it is not an outbox message this version can read */
    OutboundMessage decode(String text) {
        try {
            JsonNode node = json.readTree(text);
            if (node == null || node.path("v").asInt() != 1) {
                throw new IllegalArgumentException("not an outbox message of version 1");
            }
            List<String> media = new ArrayList<>();
            node.path("media").forEach(url -> media.add(url.asText()));
            return new OutboundMessage(node.path("id").asText(null), node.path("sender").asText(null),
                    node.path("stanzaId").isNull() ? null : node.path("stanzaId").asText(null), node.path("contact").asText(null),
                    node.path("to").asText(null), node.path("body").asText(""), node.path("caption").asText(""), media,
                    node.path("receipt").asBoolean(), Instant.parse(node.path("acceptedAt").asText()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable outbox message: " + e.getMessage(), e);
        }
    }
}
