package org.smsoverxmpp.bridge.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.jivesoftware.smack.packet.EmptyResultIQ;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

class ServerPingsTest {
    private final ServerPings pings = new ServerPings(JidCreate.domainBareFromOrThrowUnchecked("sms.example.com"),
            JidCreate.domainBareFromOrThrowUnchecked("example.com"));

    private static IQ answer(Ping ping, String from) {
        IQ result = new EmptyResultIQ();
        result.setType(IQ.Type.result);
        result.setStanzaId(ping.getStanzaId());
        result.setFrom(JidCreate.fromOrThrowUnchecked(from));
        return result;
    }

    @Test
    void theServersAnswerCompletesThePing() {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        Ping ping = pings.next(answered);

        assertThat(pings.complete(answer(ping, "example.com"))).isTrue();
        assertThat(answered).isCompleted();
    }

    @Test
    void anAnswerFromAnyoneElseIsIgnored() {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        Ping ping = pings.next(answered);

        assertThat(pings.complete(answer(ping, "mallory@example.com/laptop"))).isFalse();
        assertThat(answered).isNotDone();
    }

    @Test
    void idsCannotBeGuessedFromTheLastOne() {
        Ping first = pings.next(new CompletableFuture<>());
        Ping second = pings.next(new CompletableFuture<>());

        assertThat(first.getStanzaId()).startsWith("ack-").hasSizeGreaterThan(15).isNotEqualTo(second.getStanzaId());
    }

    @Test
    void aDroppedStreamFailsEveryPendingPing() {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        pings.next(answered);

        pings.failAll("stream closed");

        assertThat(answered).isCompletedExceptionally();
    }
}
