package org.smsoverxmpp.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Whatever an SMS holds, its event is a message body SQS accepts, and it reads back as the same text. SQS
 * refuses bodies with characters XML forbids; an event it refuses is an SMS lost after Twilio's retries.
 */
class EventCodecPropertyTest {
    private final EventCodec codec = new EventCodec();

    @Property(tries = 2000)
    void anySmsBodyBecomesAnEventSqsAcceptsAndReadsBackUnchanged(
            @ForAll @StringLength(max = 200) @CharRange(from = '\u0000', to = '\uffff') String body) throws Exception {
        InboundSms sms = new InboundSms("twilio", "SM1", "+15557654321", "+15550001111", body, List.of(), Instant.EPOCH);

        String encoded = codec.encode(sms);

        assertThat(SqsSafeJson.acceptedBySqs(encoded)).isTrue();
        assertThat(((InboundSms) codec.decode(encoded)).body()).isEqualTo(body);
    }

    @Test
    void theCharactersSqsRefusesAreEscapedAndOrdinaryTextIsNot() throws Exception {
        String body = "nul\u0000 ffff\uFFFF lone\uD800 wave\uD83D\uDC4B café";
        String encoded = codec.encode(new InboundSms("twilio", "SM1", "+15557654321", "+15550001111", body, List.of(), Instant.EPOCH));

        assertThat(encoded).contains("\\u0000", "\\uFFFF", "\\uD800", "\\uD83D\\uDC4B", "café");
        assertThat(SqsSafeJson.acceptedBySqs(body)).isFalse();
        assertThat(SqsSafeJson.acceptedBySqs(encoded)).isTrue();
    }
}
