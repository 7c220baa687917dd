package org.smsoverxmpp.webhook.telnyx;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.http.WebhookRequest;
import org.smsoverxmpp.webhook.secrets.SecretSource;

/** Whatever byte of a signed webhook changes, in the body, the timestamp or the signature, it is refused. */
class TelnyxSignaturePropertyTest {
    static final KeyPair TELNYX = TelnyxRequestSigner.newKeyPair();
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final String TIMESTAMP = Long.toString(NOW.getEpochSecond());

    private final TelnyxSignature signature = new TelnyxSignature(
            SecretSource.fixed(TelnyxPublicKey.of(TELNYX.getPublic())), Clock.fixed(NOW, ZoneOffset.UTC));

    @Property(tries = 300)
    void anyChangedByteOfTheBodyIsRefused(@ForAll("bodies") byte[] body, @ForAll @IntRange(max = 10_000) int at,
            @ForAll @IntRange(min = 1, max = 255) int flip) {
        String signed = TelnyxRequestSigner.sign(TELNYX.getPrivate(), TIMESTAMP, body);
        byte[] changed = body.clone();
        changed[at % changed.length] ^= (byte) flip;

        assertRefused(TIMESTAMP, signed, changed);
    }

    @Property(tries = 200)
    void anyChangedByteOfTheTimestampIsRefused(@ForAll("bodies") byte[] body, @ForAll @IntRange(max = 9) int at,
            @ForAll @IntRange(min = 1, max = 127) int flip) {
        String signed = TelnyxRequestSigner.sign(TELNYX.getPrivate(), TIMESTAMP, body);
        byte[] timestamp = TIMESTAMP.getBytes(StandardCharsets.US_ASCII);
        timestamp[at] ^= (byte) flip;

        assertRefused(new String(timestamp, StandardCharsets.ISO_8859_1), signed, body);
    }

    @Property(tries = 300)
    void anyChangedByteOfTheSignatureIsRefused(@ForAll("bodies") byte[] body, @ForAll @IntRange(max = 63) int at,
            @ForAll @IntRange(min = 1, max = 255) int flip) {
        byte[] signed = Base64.getDecoder().decode(TelnyxRequestSigner.sign(TELNYX.getPrivate(), TIMESTAMP, body));
        signed[at] ^= (byte) flip;

        assertRefused(TIMESTAMP, Base64.getEncoder().encodeToString(signed), body);
    }

    private void assertRefused(String timestamp, String signed, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TelnyxSignature.TIMESTAMP_HEADER, timestamp);
        headers.put(TelnyxSignature.SIGNATURE_HEADER, signed);
        WebhookRequest request = new WebhookRequest("POST", "/telnyx/events", "https://x.example/telnyx/events",
                headers, body);

        assertThatThrownBy(() -> signature.verify(request)).isInstanceOfSatisfying(WebhookRejection.class,
                rejection -> org.assertj.core.api.Assertions.assertThat(rejection.status()).isEqualTo(403));
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(2_000);
        Arbitrary<byte[]> payloads = Arbitraries.of("delivered", "sent", "sending_failed")
                .map(word -> TelnyxPayloads.bytes(TelnyxPayloads.status("message.finalized", word)));
        return Arbitraries.oneOf(anyBytes, payloads);
    }
}
