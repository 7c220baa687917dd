package org.smsoverxmpp.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.smsoverxmpp.bridge.address.PhoneJids;
import org.smsoverxmpp.bridge.contacts.GatewayPrompt;
import org.smsoverxmpp.bridge.xmpp.RecordingSender;
import org.smsoverxmpp.bridge.xmpp.StanzaCodec;
import org.smsoverxmpp.bridge.xmpp.StanzaFeed;
import org.smsoverxmpp.bridge.xmpp.StanzaHandler;
import org.smsoverxmpp.bridge.xmpp.UnreadableStanza;

/** Every IQ request gets exactly one answer, well-formed, whatever its namespace or payload. */
class IqRouterTest {
    private final RecordingSender sent = new RecordingSender();
    private final IqRouter router = new IqRouter(
            new GatewayPrompt(new PhoneJids(JidCreate.domainBareFromOrThrowUnchecked("sms.example.com")), "US"), sent);

    private void request(String to, String payload) throws Exception {
        StanzaFeed.feed("<iq type='get' id='q1' from='alice@example.com/a' to='" + to + "'>" + payload + "</iq>",
                new StanzaHandler() {
                    @Override
                    public void onStanza(Stanza stanza) {
                        router.onRequest((IQ) stanza);
                    }

                    @Override
                    public void onUnreadable(UnreadableStanza stanza) {
                        router.onUnreadable(stanza);
                    }
                });
    }

    private IQ onlyAnswer() {
        assertThat(sent.refused()).isEmpty();
        assertThat(sent.sent()).hasSize(1);
        IQ answer = (IQ) sent.sent().get(0);
        assertThat(answer.getStanzaId()).isEqualTo("q1");
        assertThat(answer.getTo().toString()).isEqualTo("alice@example.com/a");
        return answer;
    }

    /** Payloads Smack leaves unparsed, fails to parse, or parses into elements it cannot serialize back. */
    @ParameterizedTest
    @ValueSource(strings = {
        "<query xmlns='urn:example:unknown'/>",
        "<query xmlns='urn:xmpp:mam:2'><x xmlns='jabber:x:data' type='submit'/></query>",
        "<request xmlns='urn:xmpp:http:upload:0' filename='a.jpg' size='1'/>",
        "<services xmlns='urn:xmpp:extdisco:2'/>",
        "<command xmlns='http://jabber.org/protocol/commands'/>",
        "<query xmlns='jabber:iq:private'/>",
        "<query xmlns='jabber:iq:last' seconds='abc'/>",
        "<query xmlns='jabber:iq:roster'><item/></query>",
        "<query xmlns='http://jabber.org/protocol/disco#info'><identity/></query>",
        "<time xmlns='urn:xmpp:time'><utc>bad</utc></time>",
        "<query xmlns='jabber:iq:version'><name/></query>",
        "<open xmlns='http://jabber.org/protocol/ibb'/>",
        "<si xmlns='http://jabber.org/protocol/si'/>",
        "<blocklist xmlns='urn:xmpp:blocking'><item/></blocklist>",
        "<query xmlns='urn:example:unknown'>]]&gt; &lt;!-- <x a='&apos;&quot;'>&amp;</x></query>",
    })
    void anyOtherRequestGetsOneErrorThatDoesNotEchoIt(String payload) throws Exception {
        for (String to : List.of("sms.example.com", "+15551234567@sms.example.com")) {
            sent.sent().clear();
            request(to, payload);

            IQ answer = onlyAnswer();
            assertThat(answer.getType()).isEqualTo(IQ.Type.error);
            assertThat(answer.getError().getCondition()).isIn(StanzaError.Condition.service_unavailable,
                    StanzaError.Condition.bad_request);
            String xml = ((StanzaCodec.Encoding.Xml) StanzaCodec.encode(answer)).xml();
            assertThat(xml).doesNotContain("<query", "<command", "<request", "<services", "<time", "<open", "<si", "<blocklist");
        }
    }

    @Test
    void discoveryIsStillAnswered() throws Exception {
        request("sms.example.com", "<query xmlns='http://jabber.org/protocol/disco#info'/>");

        assertThat(onlyAnswer()).isInstanceOfSatisfying(DiscoverInfo.class,
                info -> assertThat(info.containsFeature("jabber:iq:gateway")).isTrue());
    }

    @Test
    void aRequestWhoseAnswerFailsToBuildGetsAnInternalServerError() throws Exception {
        // Without its prompt the router throws while building the answer, as a bug in any handler would.
        IqRouter failing = new IqRouter(null, sent);
        StanzaFeed.feed("<iq type='set' id='q1' from='alice@example.com/a' to='sms.example.com'>"
                + "<query xmlns='jabber:iq:gateway'><prompt>1</prompt></query></iq>", new StanzaHandler() {
                    @Override
                    public void onStanza(Stanza stanza) {
                        failing.onRequest((IQ) stanza);
                    }

                    @Override
                    public void onUnreadable(UnreadableStanza stanza) {
                        failing.onUnreadable(stanza);
                    }
                });

        IQ answer = onlyAnswer();
        assertThat(answer.getError().getCondition()).isEqualTo(StanzaError.Condition.internal_server_error);
    }
}
