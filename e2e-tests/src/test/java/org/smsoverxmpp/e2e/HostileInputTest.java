package org.smsoverxmpp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.impl.JidCreate;
import org.smsoverxmpp.bridge.xmpp.XmlRepair;
import org.smsoverxmpp.e2e.harness.SlixmppUser;
import org.smsoverxmpp.e2e.harness.TestGateway;
import org.smsoverxmpp.e2e.harness.XmppUser;

/**
 * Strangers' bytes from both sides at once, against the real server: hostile SMS bodies through the signed
 * webhook, IQs in namespaces the gateway does not know, hostile text sent from a client library nobody here
 * wrote (slixmpp), all while ordinary SMS flow both ways. The component stream must never drop, every hostile
 * body arrives with only the documented replacements, every IQ is answered, every ordinary SMS arrives once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
    static final String ALICE_NUMBER = "+15550001111";
    static final String BOB_NUMBER = "+15550002222";
    static final String FRIEND = "+15557654321";
    static final Duration WAIT = Duration.ofSeconds(90);
    static final int HOSTILE_SMS = 200;
    static final int ORDINARY_SMS = 60;
    static final int HOSTILE_IQS = 200;
    static final int HOSTILE_OUTBOUND = 40;
    static final int ORDINARY_OUTBOUND = 40;

    static final List<String> SNIPPETS = List.of("]]>", "]]", ">", "<", "&", "&amp;", "&lt;", "&#0;", "<!--", "-->",
            "<![CDATA[", "<?xml version='1.0'?>", "</body>", "</message>", "</stream:stream>", "'", "\"", "\r\n", "\r",
            "\t", "\u0000", "\u0008", "\u001B", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF", "\uD83D\uDC4B", "\uFDD0", "\u0085",
            "\u2028", "\u200B", "\uFEFF", "xmlns='jabber:client'", "\uD83C\uDDEB\uD83C\uDDF7");
    /** Text an XMPP client can send: XML cannot carry the forbidden characters at all. */
    static final List<String> SENDABLE = SNIPPETS.stream()
            .filter(s -> s.codePoints().allMatch(cp -> cp == '\t' || cp == '\n' || cp == '\r' || cp >= 0x20
                    && cp != 0xFFFE && cp != 0xFFFF && (cp < 0xD800 || cp > 0xDFFF)))
            .toList();
    static final List<String> NAMESPACES = List.of("urn:example:unknown", "urn:xmpp:mam:2", "urn:xmpp:http:upload:0",
            "urn:xmpp:extdisco:2", "jabber:iq:private", "http://jabber.org/protocol/commands", "jabber:iq:last",
            "http://jabber.org/protocol/disco#info", "jabber:iq:version", "urn:xmpp:time", "urn:xmpp:blocking",
            // slixmpp writes a namespace unescaped, so one holding a quote or '&' would break its own stream.
            "http://jabber.org/protocol/ibb", "http://jabber.org/protocol/si", "urn:fuzz:]]>");

    TestGateway gateway;
    SlixmppUser alice;
    SlixmppUser carol;
    XmppUser bob;
    final Random random = new Random(20261201);

    protected TestGateway.Server server() {
        return TestGateway.Server.PROSODY;
    }

    @BeforeAll
    void start() throws Exception {
        gateway = TestGateway.start("hostile-" + server().name().toLowerCase(), 30, server());
        gateway.twilio.acceptAll();
        gateway.user("alice", ALICE_NUMBER).close();
        gateway.user("carol", null).close();
        bob = gateway.user("bob", BOB_NUMBER);
        gateway.startBridge();
        assertThat(gateway.bridge().xmppState().awaitConnected(Duration.ofSeconds(20))).isTrue();
        alice = SlixmppUser.login("alice@localhost", TestGateway.PASSWORD, gateway.xmpp.c2sPort(),
                gateway.dir.resolve("slixmpp-alice.log"));
        carol = SlixmppUser.login("carol@localhost", TestGateway.PASSWORD, gateway.xmpp.c2sPort(),
                gateway.dir.resolve("slixmpp-carol.log"));
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {alice, carol, bob, gateway}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    /** @param pieces {@link #SNIPPETS} for anything a webhook form can carry, {@link #SENDABLE} for what XML can */
    private String hostile(List<String> pieces, int maxParts) {
        StringBuilder text = new StringBuilder("h");
        int parts = 1 + random.nextInt(maxParts);
        for (int i = 0; i < parts; i++) {
            int kind = random.nextInt(3);
            if (kind == 0) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            } else if (kind == 1) {
                String codePoint = new String(Character.toChars(random.nextInt(0x30000)));
                if (pieces == SNIPPETS || XmlRepair.clean(codePoint).equals(codePoint)) {
                    text.append(codePoint);
                }
            } else {
                text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }

    /** What the user sees of a body posted to the webhook: UTF-8 on the wire, then the documented replacements. */
    private static String asDelivered(String body) {
        return XmlRepair.clean(new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    private static String phone(String number) {
        return number + "@" + TestGateway.COMPONENT;
    }

    @Test
    void hostileTrafficFromBothSidesNeverCostsTheStream() throws Exception {
        long streams = gateway.bridge().xmppState().connections();
        Map<String, String> hostileSms = new LinkedHashMap<>();
        Map<String, String> ordinarySms = new LinkedHashMap<>();
        int sid = 0;
        for (int i = 0; i < HOSTILE_SMS + ORDINARY_SMS; i++) {
            String messageSid = String.format("SM%032x", ++sid);
            boolean ordinary = i % 4 == 3 && ordinarySms.size() < ORDINARY_SMS || hostileSms.size() >= HOSTILE_SMS;
            String body = ordinary ? "ordinary " + ordinarySms.size() : hostile(SNIPPETS, 12);
            (ordinary ? ordinarySms : hostileSms).put(messageSid, body);
            String from = ordinary ? FRIEND : "+1555770" + String.format("%04d", i % 20);
            assertThat(gateway.postSms(messageSid, from, ALICE_NUMBER, body).getStatusCode()).isEqualTo(200);
        }

        Map<String, String> iqs = new HashMap<>();
        for (int i = 0; i < HOSTILE_IQS; i++) {
            String id = "iq-" + i;
            String namespace = NAMESPACES.get(random.nextInt(NAMESPACES.size()));
            String attribute = escape(hostile(SENDABLE, 4));
            String payload = "<query xmlns='" + escape(namespace) + "' a='" + attribute + "'><x>" + escape(hostile(SENDABLE, 6))
                    + "</x></query>";
            String to = i % 2 == 0 ? TestGateway.COMPONENT : phone("+1555880" + String.format("%04d", i));
            iqs.put(id, payload);
            alice.iq(to, id, i % 3 == 0 ? "set" : "get", payload);
        }

        Map<String, String> toNowhere = new LinkedHashMap<>();
        Map<String, String> unmapped = new LinkedHashMap<>();
        Map<String, String> toFriend = new LinkedHashMap<>();
        for (int i = 0; i < HOSTILE_OUTBOUND; i++) {
            toNowhere.put("nowhere-" + i, hostile(SENDABLE, 8));
            alice.message("notanumber@" + TestGateway.COMPONENT, "nowhere-" + i, toNowhere.get("nowhere-" + i));
            unmapped.put("unmapped-" + i, hostile(SENDABLE, 8));
            carol.message(phone(FRIEND), "unmapped-" + i, unmapped.get("unmapped-" + i));
            toFriend.put("sms-" + i, "sms " + i + " " + hostile(SENDABLE, 8));
            alice.message(phone(FRIEND), "sms-" + i, toFriend.get("sms-" + i));
        }
        for (int i = 0; i < ORDINARY_OUTBOUND; i++) {
            bob.send(StanzaBuilder.buildMessage("bob-" + i).to(JidCreate.from(phone(FRIEND))).ofType(Message.Type.chat)
                    .setBody("bob says " + i).build());
        }

        // Every SMS arrives once, with exactly the documented replacements.
        await().atMost(WAIT).until(() -> alice.messages().stream().filter(m -> "chat".equals(m.type())).count()
                >= HOSTILE_SMS + ORDINARY_SMS);
        Map<String, List<SlixmppUser.Event>> arrived = alice.messages().stream().filter(m -> "chat".equals(m.type()))
                .collect(Collectors.groupingBy(SlixmppUser.Event::id));
        hostileSms.forEach((id, body) -> assertThat(arrived.get(id)).as("SMS %s", id).singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo(asDelivered(body))));
        ordinarySms.forEach((id, body) -> assertThat(arrived.get(id)).as("SMS %s", id).singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo(body)));

        // Every IQ is answered, once, and no error echoes the request.
        await().atMost(WAIT).until(() -> alice.iqAnswers().size() >= HOSTILE_IQS);
        Map<String, List<SlixmppUser.Event>> answers = alice.iqAnswers().stream()
                .collect(Collectors.groupingBy(SlixmppUser.Event::id));
        assertThat(answers.keySet()).containsExactlyInAnyOrderElementsOf(iqs.keySet());
        answers.forEach((id, answer) -> assertThat(answer).as("answer to %s (%s)", id, iqs.get(id)).singleElement()
                .satisfies(a -> {
                    assertThat(a.type()).isIn("error", "result");
                    if (a.type().equals("error")) {
                        assertThat(a.condition()).isIn("service-unavailable", "bad-request");
                        assertThat(a.payload()).isZero();
                    }
                }));

        // Every failed message comes back as an error copy carrying its body.
        await().atMost(WAIT).until(() -> errorCopies(alice).size() >= HOSTILE_OUTBOUND
                && errorCopies(carol).size() >= HOSTILE_OUTBOUND);
        Map<String, SlixmppUser.Event> aliceErrors = byId(errorCopies(alice));
        toNowhere.forEach((id, body) -> assertThat(aliceErrors.get(id)).as(id).satisfies(e -> {
            assertThat(e.body()).isEqualTo(XmlRepair.clean(body));
            assertThat(e.condition()).isEqualTo("feature-not-implemented");
            assertThat(e.text()).contains("is not a phone number");
        }));
        Map<String, SlixmppUser.Event> carolErrors = byId(errorCopies(carol));
        unmapped.forEach((id, body) -> assertThat(carolErrors.get(id)).as(id).satisfies(e -> {
            assertThat(e.body()).isEqualTo(XmlRepair.clean(body));
            assertThat(e.condition()).isEqualTo("registration-required");
        }));

        // The SMS out carry their text, once each.
        await().atMost(WAIT).until(() -> gateway.twilio.sentMessages().size() >= HOSTILE_OUTBOUND + ORDINARY_OUTBOUND);
        List<String> sentBodies = gateway.twilio.sentMessages().stream().map(m -> m.get("Body")).toList();
        // The text of an SMS is trimmed (a client may end it with the URL of an attachment and a space).
        List<String> expected = new ArrayList<>(toFriend.values().stream().map(b -> XmlRepair.clean(b).trim()).toList());
        for (int i = 0; i < ORDINARY_OUTBOUND; i++) {
            expected.add("bob says " + i);
        }
        assertThat(sentBodies).containsExactlyInAnyOrderElementsOf(expected);

        assertThat(gateway.bridge().xmppState().connections()).as("component streams opened").isEqualTo(streams);
        assertThat(alice.wasDisconnected()).isFalse();
        assertThat(carol.wasDisconnected()).isFalse();
    }

    private static List<SlixmppUser.Event> errorCopies(SlixmppUser user) {
        return user.messages().stream().filter(m -> "error".equals(m.type())).toList();
    }

    private static Map<String, SlixmppUser.Event> byId(List<SlixmppUser.Event> events) {
        return events.stream().collect(Collectors.toMap(SlixmppUser.Event::id, Function.identity(), (a, b) -> {
            throw new AssertionError("two answers for " + a.id());
        }));
    }

    /** XML-escapes text for an attribute or element the test writes by hand. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
                .replace("\"", "&quot;").replace("\r", "&#13;");
    }
}
