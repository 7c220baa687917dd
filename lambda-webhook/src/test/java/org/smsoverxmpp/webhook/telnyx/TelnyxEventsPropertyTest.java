package org.smsoverxmpp.webhook.telnyx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.smsoverxmpp.webhook.ContractAssertions;
import org.smsoverxmpp.webhook.HostileText;
import org.smsoverxmpp.webhook.WebhookService;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.http.WebhookRequest;
import org.smsoverxmpp.webhook.provider.Received;
import org.smsoverxmpp.webhook.secrets.SecretSource;

/**
 * Telnyx's JSON is where strangers' bytes enter: whatever the body holds, once it is signed, the outcome is an
 * event that keeps every rule of the contract (and survives the queue's codec), an ignored webhook, or a refusal
 * with a 4xx; never another exception, which the handler would answer with a 500.
 *
 * <p>Bodies are random bytes, random text, or Telnyx's three message events with any field (or the object
 * holding it) replaced by any JSON value: all of Unicode in strings, numbers, nulls, booleans, arrays, objects.
 */
class TelnyxEventsPropertyTest {
    static final KeyPair TELNYX = TelnyxRequestSigner.newKeyPair();
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final List<List<Object>> PATHS = List.of(
            List.of("data"), List.of("data", "event_type"), List.of("data", "payload"),
            List.of("data", "payload", "id"), List.of("data", "payload", "from"),
            List.of("data", "payload", "from", "phone_number"), List.of("data", "payload", "to"),
            List.of("data", "payload", "to", 0), List.of("data", "payload", "to", 0, "phone_number"),
            List.of("data", "payload", "to", 0, "status"), List.of("data", "payload", "text"),
            List.of("data", "payload", "media"), List.of("data", "payload", "media", 0),
            List.of("data", "payload", "media", 0, "url"), List.of("data", "payload", "media", 0, "content_type"),
            List.of("data", "payload", "errors"), List.of("data", "payload", "errors", 0, "code"),
            List.of("data", "payload", "errors", 0, "title"));

    private final WebhookService service = new WebhookService(List.of(new TelnyxWebhooks(
            SecretSource.fixed(TelnyxPublicKey.of(TELNYX.getPublic())), Clock.fixed(NOW, ZoneOffset.UTC))),
            event -> { }, 256 * 1024, Clock.fixed(NOW, ZoneOffset.UTC));

    @Property(tries = 1_000)
    void randomBytesBecomeAnEventWithinTheRulesOrA4xx(@ForAll("randomBodies") byte[] body) throws Exception {
        Statistics.label("outcome").collect(outcome(body));
    }

    @Property(tries = 5_000)
    void telnyxEventsWithAnyFieldsBecomeAnEventWithinTheRulesOrA4xx(@ForAll("events") ObjectNode event,
            @ForAll("replacements") Map<List<Object>, JsonNode> replaced) throws Exception {
        replaced.forEach((path, value) -> put(event, path, value));

        String outcome = outcome(TelnyxPayloads.bytes(event));

        Statistics.label("outcome").collect(outcome);
        // Both outcomes must come up often, or the property would prove little.
        Statistics.label("outcome").coverage(outcomes -> {
            outcomes.check("accepted").percentage(p -> p > 10);
            outcomes.check("400").percentage(p -> p > 10);
        });
    }

    /** Signs the body as Telnyx would and runs it through the service; fails on any other outcome. */
    private String outcome(byte[] body) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>(TelnyxRequestSigner.headers(TELNYX.getPrivate(), NOW, body));
        headers.put("Content-Type", "application/json");
        WebhookRequest request = new WebhookRequest("POST", "/telnyx/events", "https://x.example/telnyx/events",
                headers, body);
        try {
            Received received = service.accept(request);
            if (received instanceof Received.Event event) {
                ContractAssertions.assertKeepsTheContract(event.event(), "telnyx");
                return "accepted";
            }
            return "ignored";
        } catch (WebhookRejection rejection) {
            assertThat(rejection.status()).as(rejection.getMessage()).isBetween(400, 499);
            return Integer.toString(rejection.status());
        }
    }

    /** Sets {@code value} at {@code path}, if the path's parent is still there after earlier replacements. */
    private static void put(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = root;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer i ? parent.path(i) : parent.path((String) step);
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && last instanceof String name) {
            object.set(name, value);
        } else if (parent instanceof ArrayNode array && last instanceof Integer i && i < array.size()) {
            array.set(i, value);
        }
    }

    @Provide
    Arbitrary<ObjectNode> events() {
        return Arbitraries.of("message.received", "message.sent", "message.finalized").map(type -> {
            ObjectNode event = type.equals("message.received") ? TelnyxPayloads.received()
                    : TelnyxPayloads.status(type, "delivery_failed");
            TelnyxPayloads.payload(event).putArray("media").addObject()
                    .put("url", "https://media.telnyx.com/x.jpg").put("content_type", "image/jpeg");
            TelnyxPayloads.payload(event).putArray("errors").addObject().put("code", "40002").put("title", "t");
            return event;
        });
    }

    @Provide
    Arbitrary<Map<List<Object>, JsonNode>> replacements() {
        return Arbitraries.maps(Arbitraries.of(PATHS), anyJson(2)).ofMaxSize(3).withoutEdgeCases();
    }

    @Provide
    Arbitrary<byte[]> randomBodies() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000);
        Arbitrary<byte[]> text = HostileText.anyText().map(t -> t.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> jsonish = anyJson(3).map(node -> node.toString().getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(bytes, text, jsonish);
    }

    private static Arbitrary<JsonNode> anyJson(int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        Arbitrary<JsonNode> scalar = Arbitraries.frequencyOf(
                Tuple.of(6, HostileText.anyText().map(TextNode::valueOf)),
                Tuple.of(1, Arbitraries.integers().map(IntNode::valueOf)),
                Tuple.of(1, Arbitraries.doubles().map(nodes::numberNode)),
                Tuple.of(1, Arbitraries.just(NullNode.getInstance())),
                Tuple.of(1, Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE)));
        if (depth == 0) {
            return scalar;
        }
        // No edge cases for the containers: jqwik would combine every edge case of every level, which takes minutes.
        Arbitrary<JsonNode> array = anyJson(depth - 1).list().ofMaxSize(4).withoutEdgeCases().map(items -> {
            ArrayNode node = nodes.arrayNode();
            items.forEach(node::add);
            return node;
        });
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of("data", "payload", "event_type", "id", "from",
                "to", "phone_number", "status", "text", "media", "url", "content_type", "errors", "code", "title"),
                HostileText.anyText());
        Arbitrary<JsonNode> object = Arbitraries.maps(keys, anyJson(depth - 1)).ofMaxSize(4).withoutEdgeCases()
                .map(fields -> {
                    ObjectNode node = nodes.objectNode();
                    fields.forEach(node::set);
                    return node;
                });
        return Arbitraries.frequencyOf(Tuple.of(4, scalar), Tuple.of(1, array), Tuple.of(1, object));
    }
}
