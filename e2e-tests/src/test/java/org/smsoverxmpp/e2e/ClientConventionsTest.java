package org.smsoverxmpp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smackx.caps.packet.CapsExtension;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.jivesoftware.smackx.message_correct.element.MessageCorrectExtension;
import org.jivesoftware.smackx.nick.packet.Nick;
import org.jivesoftware.smackx.ping.PingManager;
import org.jivesoftware.smackx.receipts.DeliveryReceipt;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.smsoverxmpp.bridge.xmpp.ext.GatewayQuery;
import org.smsoverxmpp.bridge.xmpp.ext.OutOfBandData;
import org.smsoverxmpp.e2e.harness.TestGateway;
import org.smsoverxmpp.e2e.harness.XmppUser;

/** The conventions XMPP clients rely on (docs/xmpp-support.md), each seen from a Smack client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientConventionsTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    TestGateway gateway;
    XmppUser carol;
    Jid component;

    /** The XMPP server this run of the suite uses; a subclass runs it against another. */
    protected TestGateway.Server server() {
        return TestGateway.Server.PROSODY;
    }

    @BeforeAll
    void start() throws Exception {
        gateway = TestGateway.start("conventions-" + server().name().toLowerCase(), 5, server());
        carol = gateway.user("carol", "+15550003333");
        gateway.startBridge();
        assertThat(gateway.bridge().xmppState().awaitConnected(WAIT)).isTrue();
        component = JidCreate.from(TestGateway.COMPONENT);
    }

    @AfterAll
    void stop() {
        if (carol != null) {
            carol.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    Map<String, String> awaitTwilio(java.util.function.Predicate<Map<String, String>> match) {
        return gateway.twilio.awaitSent(match, WAIT);
    }

    static Jid phone(String number) {
        return JidCreate.fromOrThrowUnchecked(number + "@" + TestGateway.COMPONENT);
    }

    @Test
    void gatewayAnswersDiscoAsAnSmsGatewayWithItsFeatures() throws Exception {
        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(carol.connection()).discoverInfo(component);

        assertThat(info.hasIdentity("gateway", "sms")).isTrue();
        assertThat(info.getFeatures()).extracting(DiscoverInfo.Feature::getVar).contains(
                "http://jabber.org/protocol/disco#info", "jabber:iq:gateway", "urn:xmpp:receipts", "urn:xmpp:ping",
                "vcard-temp");
    }

    @Test
    void phoneJidAnswersDiscoAsAnSmsClientWithReceipts() throws Exception {
        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(carol.connection()).discoverInfo(phone("+15557654321"));

        assertThat(info.hasIdentity("client", "sms")).isTrue();
        assertThat(info.containsFeature("urn:xmpp:receipts")).isTrue();
    }

    @Test
    void pingsAreAnswered() throws Exception {
        assertThat(PingManager.getInstanceFor(carol.connection()).ping(component.asDomainBareJid())).isTrue();
    }

    @Test
    void unknownRequestsGetAnErrorNotSilence() {
        Version version = new Version();
        version.setTo(component);

        assertThatThrownBy(() -> carol.connection().createStanzaCollectorAndSend(version).nextResultOrThrow())
                .isInstanceOfSatisfying(XMPPErrorException.class, e -> assertThat(e.getStanzaError().getCondition())
                        .isEqualTo(StanzaError.Condition.service_unavailable));
    }

    @Test
    void gatewayPromptTurnsAHumanNumberIntoTheJid() throws Exception {
        GatewayQuery get = new GatewayQuery(null, null, null);
        get.setTo(component);
        GatewayQuery help = carol.connection().createStanzaCollectorAndSend(get).nextResultOrThrow();
        assertThat(help.prompt()).isEqualTo("Phone number");
        assertThat(help.description()).contains("phone number");

        GatewayQuery set = new GatewayQuery(null, "(307) 555-1212", null);
        set.setType(IQ.Type.set);
        set.setTo(component);
        GatewayQuery answer = carol.connection().createStanzaCollectorAndSend(set).nextResultOrThrow();
        assertThat(answer.jid()).isEqualTo("+13075551212@" + TestGateway.COMPONENT);
    }

    @Test
    void gatewayPromptRefusesNonsenseWithAReason() {
        GatewayQuery set = new GatewayQuery(null, "pizza please", null);
        set.setType(IQ.Type.set);
        set.setTo(component);

        assertThatThrownBy(() -> carol.connection().createStanzaCollectorAndSend(set).nextResultOrThrow())
                .isInstanceOfSatisfying(XMPPErrorException.class, e -> {
                    assertThat(e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.not_acceptable);
                    assertThat(e.getStanzaError().getDescriptiveText()).contains("pizza please");
                });
    }

    @Test
    void subscribingToAPhoneJidIsMutualAndShowsItAvailableWithCaps() throws Exception {
        Jid contact = phone("+15558889999");
        List<Presence> seen = new CopyOnWriteArrayList<>();
        carol.connection().addAsyncStanzaListener(p -> seen.add((Presence) p), StanzaTypeFilter.PRESENCE);
        Roster roster = Roster.getInstanceFor(carol.connection());
        roster.setSubscriptionMode(Roster.SubscriptionMode.accept_all);

        roster.createItemAndRequestSubscription(contact.asBareJid(), "Dad", null);

        org.awaitility.Awaitility.await("a mutual subscription and the contact available").atMost(WAIT).until(() -> {
            RosterEntry entry = roster.getEntry(contact.asBareJid());
            return entry != null && entry.canSeeHisPresence() && entry.canSeeMyPresence()
                    && seen.stream().anyMatch(p -> p.getType() == Presence.Type.available && contact.equals(p.getFrom()));
        });
        RosterEntry entry = roster.getEntry(contact.asBareJid());
        assertThat(entry.canSeeHisPresence()).as("subscribed to the contact").isTrue();
        assertThat(entry.canSeeMyPresence()).as("the contact subscribed back").isTrue();
        Presence available = seen.stream().filter(p -> p.getType() == Presence.Type.available && contact.equals(p.getFrom()))
                .findFirst().orElseThrow();
        assertThat(CapsExtension.from(available)).isNotNull();
    }

    @Test
    void afterLoggingInAgainTheServersProbeShowsContactsAvailable() throws Exception {
        try (XmppUser gina = gateway.user("gina", null)) {
            Jid contact = phone("+15552223344");
            Roster roster = Roster.getInstanceFor(gina.connection());
            roster.setSubscriptionMode(Roster.SubscriptionMode.accept_all);
            roster.createItemAndRequestSubscription(contact.asBareJid(), "Aunt", null);
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> roster.getPresence(contact.asBareJid()).isAvailable());

            gina.login();

            Roster again = Roster.getInstanceFor(gina.connection());
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> again.getPresence(contact.asBareJid()).isAvailable());
            assertThat(again.getPresence(contact.asBareJid()).isAvailable()).as("answered the server's probe").isTrue();
        }
    }

    @Test
    void phoneJidHasAVCardWithTheNumber() throws Exception {
        VCard card = VCardManager.getInstanceFor(carol.connection()).loadVCard(phone("+13075551212").asEntityBareJidOrThrow());

        assertThat(card.getField("FN")).isEqualTo("(307) 555-1212");
        assertThat(card.getPhoneWork("VOICE")).isEqualTo("+13075551212");
    }

    @Test
    void deliveredStatusBecomesAReceiptToTheResourceThatAskedForIt() throws Exception {
        String sid = "SM" + "a1".repeat(16);
        gateway.twilio.acceptAs("please confirm", sid);
        carol.send(StanzaBuilder.buildMessage("rcpt-1").to(phone("+15557654321")).ofType(Message.Type.chat)
                .setBody("please confirm").addExtension(new DeliveryReceiptRequest()).build());
        gateway.awaitSentRecord(sid);

        assertThat(gateway.postStatus(sid, "sent", null, "+15550003333", "+15557654321").getStatusCode()).isEqualTo(200);
        assertThat(gateway.postStatus(sid, "delivered", null, "+15550003333", "+15557654321").getStatusCode()).isEqualTo(200);

        Message receipt = carol.await(m -> DeliveryReceipt.from(m) != null, WAIT);
        assertThat(DeliveryReceipt.from(receipt).getId()).isEqualTo("rcpt-1");
        assertThat(receipt.getFrom().toString()).isEqualTo("+15557654321@" + TestGateway.COMPONENT);
        assertThat(receipt.getTo().hasResource()).isTrue();
    }

    @Test
    void undeliveredStatusBecomesAnErrorCopyWithTwiliosReason() throws Exception {
        String sid = "SM" + "b2".repeat(16);
        gateway.twilio.acceptAs("are you there", sid);
        carol.send(StanzaBuilder.buildMessage("fail-1").to(phone("+15556667777")).ofType(Message.Type.chat)
                .setBody("are you there").build());
        gateway.awaitSentRecord(sid);

        gateway.postStatus(sid, "undelivered", "30003", "+15550003333", "+15556667777");

        Message error = carol.await(m -> "fail-1".equals(m.getStanzaId()) && m.getType() == Message.Type.error, WAIT);
        assertThat(error.getBody()).isEqualTo("are you there");
        assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.recipient_unavailable);
        assertThat(error.getError().getType()).isEqualTo(StanzaError.Type.WAIT);
        assertThat(error.getError().getDescriptiveText()).contains("30003", "unreachable");
        assertThat(error.getFrom().toString()).isEqualTo("+15556667777@" + TestGateway.COMPONENT);
    }

    @Test
    void oobAttachmentLeavesAsMmsWithTheRestOfTheBodyAsCaption() throws Exception {
        String url = "https://upload.localhost/f00d/cat.jpg";
        carol.send(StanzaBuilder.buildMessage("mms-1").to(phone("+15551112222")).ofType(Message.Type.chat)
                .setBody("look at this " + url).addExtension(new OutOfBandData(url)).build());

        Map<String, String> sent = awaitTwilio(m -> "+15551112222".equals(m.get("To")));
        assertThat(sent).containsEntry("MediaUrl", url).containsEntry("Body", "look at this");
    }

    @Test
    void alphanumericSenderArrivesWithAStableJidAndItsNameAsNick() throws Exception {
        assertThat(gateway.postSms("SM" + "c3".repeat(16), "AMAZON", "+15550003333", "Your parcel is here").getStatusCode())
                .isEqualTo(200);

        Message message = carol.await(m -> "Your parcel is here".equals(m.getBody()), WAIT);
        assertThat(message.getFrom().toString()).isEqualTo("amazon@" + TestGateway.COMPONENT);
        assertThat(message.getExtension(Nick.class).getName()).isEqualTo("AMAZON");
    }

    @Test
    void replyingToAnAlphanumericSenderSaysItCannotWork() throws Exception {
        carol.send(StanzaBuilder.buildMessage("alpha-1").to(JidCreate.from("amazon@" + TestGateway.COMPONENT))
                .ofType(Message.Type.chat).setBody("thanks").build());

        Message error = carol.await(m -> "alpha-1".equals(m.getStanzaId()), WAIT);
        assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.feature_not_implemented);
        assertThat(error.getError().getDescriptiveText()).contains("alphanumeric");
        assertThat(gateway.twilio.sentMessages()).noneMatch(m -> "thanks".equals(m.get("Body")));
    }

    @Test
    void shortCodesCanBeMessagedAndRead() throws Exception {
        assertThat(gateway.postSms("SM" + "d4".repeat(16), "72345", "+15550003333", "Reply STOP to stop").getStatusCode())
                .isEqualTo(200);
        Message fromShortCode = carol.await(m -> "Reply STOP to stop".equals(m.getBody()), WAIT);
        assertThat(fromShortCode.getFrom().toString())
                .isEqualTo("72345;phone-context=ca-us.phone-context.soprani.ca@" + TestGateway.COMPONENT);

        carol.send(StanzaBuilder.buildMessage("short-1").to(fromShortCode.getFrom()).ofType(Message.Type.chat)
                .setBody("STOP").build());
        carol.send(StanzaBuilder.buildMessage("short-2").to(JidCreate.from("72345@" + TestGateway.COMPONENT))
                .ofType(Message.Type.chat).setBody("HELP").build());

        assertThat(awaitTwilio(m -> "STOP".equals(m.get("Body")))).containsEntry("To", "72345");
        assertThat(awaitTwilio(m -> "HELP".equals(m.get("Body")))).containsEntry("To", "72345");
    }

    @Test
    void mmsArrivesAsTextThenEachPictureAtAUrlThatOpensWithoutTwilioCredentials() throws Exception {
        byte[] picture = "not really a jpeg, but bytes all the same".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String path = "/2010-04-01/Accounts/" + TestGateway.ACCOUNT_SID + "/Messages/MM1/Media/ME1";
        String twilioUrl = gateway.twilio.hostMedia(path, "image/jpeg", picture);
        Map<String, String> media = new java.util.LinkedHashMap<>();
        media.put(twilioUrl, "image/jpeg");
        media.put(gateway.twilio.baseUrl() + "/smil", "application/smil");
        String sid = "MM" + "e5".repeat(16);

        assertThat(gateway.postMms(sid, "+15557654321", "+15550003333", "our cat", media).getStatusCode()).isEqualTo(200);

        Message text = carol.await(m -> sid.equals(m.getStanzaId()), WAIT);
        assertThat(text.getBody()).isEqualTo("our cat");
        Message attachment = carol.await(m -> (sid + "-1").equals(m.getStanzaId()), WAIT);
        String url = attachment.getBody();
        assertThat(OutOfBandData.from(attachment)).extracting(OutOfBandData::url).containsExactly(url);
        assertThat(url).endsWith(".jpg").doesNotContain("2010-04-01").doesNotContain(TestGateway.ACCOUNT_SID);
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(picture);
        assertThat(gateway.twilio.mediaAuthorizations(path)).isNotEmpty().allMatch(h -> h.startsWith("Basic "));
        assertThat(carol.matching(m -> (sid + "-2").equals(m.getStanzaId()))).as("the SMIL part is not shown").isEmpty();
    }

    @Test
    void longTextLeavesInPartsOfAtMost1600InOrder() throws Exception {
        String text = "a".repeat(1599) + "😀" + "b".repeat(1700);
        carol.send(StanzaBuilder.buildMessage("long-1").to(phone("+15554443333")).ofType(Message.Type.chat)
                .setBody(text).build());

        awaitTwilio(m -> "+15554443333".equals(m.get("To")) && m.get("Body").startsWith("bbb"));
        List<String> parts = gateway.twilio.sentMessages().stream().filter(m -> "+15554443333".equals(m.get("To")))
                .map(m -> m.get("Body")).toList();
        assertThat(parts).hasSize(3).allMatch(p -> p.length() <= 1600);
        assertThat(String.join("", parts)).isEqualTo(text);
        assertThat(parts.get(1)).startsWith("😀");
    }

    @Test
    void aLongMessageCutOffMidwaySaysHowManyPartsLeft() throws Exception {
        gateway.twilio.refuseBody("zzzz", 400, 30007, "Message filtered");
        carol.send(StanzaBuilder.buildMessage("cut-1").to(phone("+15554445555")).ofType(Message.Type.chat)
                .setBody("y".repeat(1600) + "z".repeat(100)).build());

        Message error = carol.await(m -> "cut-1".equals(m.getStanzaId()), WAIT);
        assertThat(error.getError().getDescriptiveText()).contains("Only the first 1 of 2 parts", "30007");
    }

    @Test
    void correctionsNeverBecomeSmsAndSaySo() throws Exception {
        carol.send(StanzaBuilder.buildMessage("fix-1").to(phone("+15553332222")).ofType(Message.Type.chat)
                .setBody("see you at 6").addExtension(new MessageCorrectExtension("orig-1")).build());

        Message error = carol.await(m -> "fix-1".equals(m.getStanzaId()), WAIT);
        assertThat(error.getError().getDescriptiveText()).contains("cannot be corrected");
        assertThat(gateway.twilio.sentMessages()).noneMatch(m -> "see you at 6".equals(m.get("Body")));
    }

    @Test
    void everyoneOnASharedNumberReceivesAndAnyoneCanReplyFromIt() throws Exception {
        try (XmppUser erin = gateway.user("erin", "+15550004444"); XmppUser dan = gateway.user("dan", "+15550004444")) {
            String sid = "SM" + "f6".repeat(16);
            gateway.postSms(sid, "+15557778888", "+15550004444", "for the whole family");

            erin.await(m -> sid.equals(m.getStanzaId()), WAIT);
            dan.await(m -> sid.equals(m.getStanzaId()), WAIT);

            dan.send(StanzaBuilder.buildMessage("dan-1").to(phone("+15557778888")).ofType(Message.Type.chat)
                    .setBody("dan here").build());
            assertThat(awaitTwilio(m -> "dan here".equals(m.get("Body")))).containsEntry("From", "+15550004444");
        }
    }

    @Test
    void subscribingToTheGatewayItselfWorksTheSameWay() throws Exception {
        Roster roster = Roster.getInstanceFor(carol.connection());
        roster.setSubscriptionMode(Roster.SubscriptionMode.accept_all);

        roster.createItemAndRequestSubscription(component.asBareJid(), "SMS", null);

        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> roster.getEntry(component.asBareJid()) != null
                && roster.getEntry(component.asBareJid()).canSeeHisPresence()
                && roster.getEntry(component.asBareJid()).canSeeMyPresence());
        assertThat(roster.getEntry(component.asBareJid()).canSeeHisPresence()).isTrue();
        assertThat(roster.getEntry(component.asBareJid()).canSeeMyPresence()).isTrue();
    }

    @Test
    void twilioCredentialsAreNotSentToTheCdnTwilioRedirectsTo() throws Exception {
        var cdn = new com.github.tomakehurst.wiremock.WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        cdn.start();
        try {
            byte[] picture = "cdn bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            cdn.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/cdn/ME2").willReturn(
                    com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200).withBody(picture)));
            String path = "/2010-04-01/Accounts/" + TestGateway.ACCOUNT_SID + "/Messages/MM2/Media/ME2";
            String twilioUrl = gateway.twilio.redirectMedia(path, "http://localhost:" + cdn.port() + "/cdn/ME2");
            String sid = "MM" + "a7".repeat(16);

            gateway.postMms(sid, "+15557654321", "+15550003333", "", Map.of(twilioUrl, "image/png"));

            Message attachment = carol.await(m -> (sid + "-1").equals(m.getStanzaId()), WAIT);
            assertThat(attachment.getBody()).endsWith(".png");
            var requests = cdn.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                    com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/cdn/ME2")));
            assertThat(requests).isNotEmpty().allMatch(r -> !r.containsHeader("Authorization"));
            assertThat(gateway.twilio.mediaAuthorizations(path)).isNotEmpty();
        } finally {
            cdn.stop();
        }
    }

    @Test
    void emptyMessageGetsPolicyViolation() throws Exception {
        carol.send(StanzaBuilder.buildMessage("empty-1").to(phone("+15557654321")).ofType(Message.Type.chat)
                .setBody("   ").build());

        Message error = carol.await(m -> "empty-1".equals(m.getStanzaId()), WAIT);
        assertThat(error.getError().getCondition()).isEqualTo(StanzaError.Condition.policy_violation);
    }
}
