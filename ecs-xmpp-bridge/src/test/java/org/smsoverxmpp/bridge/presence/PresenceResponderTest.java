package org.smsoverxmpp.bridge.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smackx.caps.packet.CapsExtension;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.bridge.xmpp.RecordingSender;
import org.jxmpp.jid.impl.JidCreate;

class PresenceResponderTest {
    private final RecordingSender recorder = new RecordingSender();
    private final List<Stanza> sent = recorder.sent();
    private final PresenceResponder responder = new PresenceResponder(recorder);

    private void receive(Presence.Type type, String to) {
        responder.onPresence(StanzaBuilder.buildPresence().ofType(type)
                .from(JidCreate.fromOrThrowUnchecked("alice@example.com/phone"))
                .to(JidCreate.fromOrThrowUnchecked(to)).build());
    }

    private List<Presence.Type> types() {
        return sent.stream().map(s -> ((Presence) s).getType()).toList();
    }

    @Test
    void subscribeIsAcceptedReturnedAndFollowedByAvailabilityWithCaps() {
        receive(Presence.Type.subscribe, "+15551234567@sms.example.com");

        assertThat(types()).containsExactly(Presence.Type.subscribed, Presence.Type.subscribe, Presence.Type.available);
        assertThat(sent).allSatisfy(s -> {
            assertThat(s.getTo().toString()).isEqualTo("alice@example.com");
            assertThat(s.getFrom().toString()).isEqualTo("+15551234567@sms.example.com");
        });
        assertThat(CapsExtension.from(sent.get(2))).isNotNull();
    }

    @Test
    void probeIsAnsweredWithAvailability() {
        receive(Presence.Type.probe, "sms.example.com");

        assertThat(types()).containsExactly(Presence.Type.available);
    }

    @Test
    void unsubscriptionsAreAcknowledged() {
        receive(Presence.Type.unsubscribe, "+15551234567@sms.example.com");
        receive(Presence.Type.unsubscribed, "+15551234567@sms.example.com");

        assertThat(types()).containsExactly(Presence.Type.unsubscribed, Presence.Type.unavailable);
    }

    @Test
    void ordinaryPresenceNeedsNoAnswer() {
        receive(Presence.Type.available, "+15551234567@sms.example.com");
        receive(Presence.Type.error, "+15551234567@sms.example.com");

        assertThat(sent).isEmpty();
    }
}
