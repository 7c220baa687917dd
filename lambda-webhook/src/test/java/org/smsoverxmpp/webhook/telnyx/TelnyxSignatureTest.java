package org.smsoverxmpp.webhook.telnyx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.webhook.MutableClock;
import org.smsoverxmpp.webhook.http.ApiGatewayRequests;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.http.WebhookRequest;
import org.smsoverxmpp.webhook.secrets.CachedSecret;
import org.smsoverxmpp.webhook.secrets.SecretSource;
import org.smsoverxmpp.webhook.twilio.FixedSecret;

class TelnyxSignatureTest {
    static final KeyPair TELNYX = TelnyxRequestSigner.newKeyPair();
    static final KeyPair OTHER = TelnyxRequestSigner.newKeyPair();
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    static final byte[] BODY = "{\"data\":{\"event_type\":\"message.received\",\"payload\":{\"text\":\"h\\u00e9 👋\"}}}"
            .getBytes(StandardCharsets.UTF_8);

    private final TelnyxSignature signature = new TelnyxSignature(
            SecretSource.fixed(TelnyxPublicKey.of(TELNYX.getPublic())), Clock.fixed(NOW, ZoneOffset.UTC));

    static WebhookRequest request(Map<String, String> headers, byte[] body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        return new WebhookRequest("POST", "/telnyx/events", "https://x.example/telnyx/events", all, body);
    }

    static WebhookRequest signed(KeyPair pair, Instant sentAt, byte[] body) {
        return request(TelnyxRequestSigner.headers(pair.getPrivate(), sentAt, body), body);
    }

    private WebhookRejection refused(WebhookRequest request) {
        try {
            signature.verify(request);
        } catch (WebhookRejection rejection) {
            return rejection;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aWebhookSignedWithTelnyxsKeyNowIsAccepted() {
        assertThatCode(() -> signature.verify(signed(TELNYX, NOW, BODY))).doesNotThrowAnyException();
    }

    @Test
    void aSignatureForAnotherBodyIsForbidden() {
        Map<String, String> headers = TelnyxRequestSigner.headers(TELNYX.getPrivate(), NOW, BODY);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("h\\u00e9", "hi").getBytes(StandardCharsets.UTF_8);

        assertThat(refused(request(headers, tampered))).satisfies(r -> {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r).hasMessage("invalid telnyx-signature-ed25519");
        });
    }

    @Test
    void aForgedSignatureIsForbidden() {
        Map<String, String> headers = new LinkedHashMap<>(TelnyxRequestSigner.headers(TELNYX.getPrivate(), NOW, BODY));
        headers.put(TelnyxSignature.SIGNATURE_HEADER, Base64.getEncoder().encodeToString(new byte[64]));

        assertThat(refused(request(headers, BODY)).status()).isEqualTo(403);
    }

    @Test
    void aSignatureByAnyOtherKeyIsForbidden() {
        assertThat(refused(signed(OTHER, NOW, BODY))).hasMessage("invalid telnyx-signature-ed25519");
    }

    @Test
    void theTimeIsPartOfWhatIsSigned() {
        Map<String, String> headers = new LinkedHashMap<>(TelnyxRequestSigner.headers(TELNYX.getPrivate(), NOW, BODY));
        headers.put(TelnyxSignature.TIMESTAMP_HEADER, Long.toString(NOW.getEpochSecond() + 1));

        assertThat(refused(request(headers, BODY))).hasMessage("invalid telnyx-signature-ed25519");
    }

    @Test
    void aWebhookSentMoreThanFiveMinutesAgoOrAheadIsForbiddenEvenWhenSigned() {
        assertThat(refused(signed(TELNYX, NOW.minusSeconds(301), BODY)))
                .hasMessage("telnyx-timestamp is more than 5 minutes from now");
        assertThat(refused(signed(TELNYX, NOW.plusSeconds(301), BODY)).status()).isEqualTo(403);
        assertThatCode(() -> signature.verify(signed(TELNYX, NOW.minusSeconds(300), BODY))).doesNotThrowAnyException();
        assertThatCode(() -> signature.verify(signed(TELNYX, NOW.plusSeconds(300), BODY))).doesNotThrowAnyException();
    }

    @Test
    void missingHeadersAreForbiddenByName() {
        Map<String, String> headers = TelnyxRequestSigner.headers(TELNYX.getPrivate(), NOW, BODY);
        Map<String, String> noSignature = new LinkedHashMap<>(headers);
        noSignature.remove(TelnyxSignature.SIGNATURE_HEADER);
        Map<String, String> noTimestamp = new LinkedHashMap<>(headers);
        noTimestamp.remove(TelnyxSignature.TIMESTAMP_HEADER);

        assertThat(refused(request(noSignature, BODY))).hasMessage("missing telnyx-signature-ed25519");
        assertThat(refused(request(noTimestamp, BODY))).hasMessage("missing telnyx-timestamp");
        assertThat(refused(request(Map.of(), BODY)).status()).isEqualTo(403);
    }

    @Test
    void headersAreFoundWhateverTheirCase() {
        Map<String, String> headers = new LinkedHashMap<>();
        TelnyxRequestSigner.headers(TELNYX.getPrivate(), NOW, BODY).forEach((name, value) ->
                headers.put(name.equals(TelnyxSignature.SIGNATURE_HEADER) ? "Telnyx-Signature-Ed25519" : "Telnyx-Timestamp",
                        value));

        assertThatCode(() -> signature.verify(request(headers, BODY))).doesNotThrowAnyException();
    }

    @Test
    void aTimestampOrSignatureOfAnotherShapeIsForbidden() {
        Map<String, String> headers = TelnyxRequestSigner.headers(TELNYX.getPrivate(), NOW, BODY);
        for (String timestamp : new String[] {"+" + NOW.getEpochSecond(), "-1", "1e9", "١٧٠٠٠٠٠٠٠٠", "9".repeat(40)}) {
            Map<String, String> odd = new LinkedHashMap<>(headers);
            odd.put(TelnyxSignature.TIMESTAMP_HEADER, timestamp);
            assertThat(refused(request(odd, BODY))).as(timestamp).hasMessage("invalid telnyx-timestamp");
        }
        for (String bad : new String[] {"not base64!", Base64.getEncoder().encodeToString(new byte[63]), "AAAA"}) {
            Map<String, String> odd = new LinkedHashMap<>(headers);
            odd.put(TelnyxSignature.SIGNATURE_HEADER, bad);
            assertThat(refused(request(odd, BODY))).as(bad).hasMessage("invalid telnyx-signature-ed25519");
        }
    }

    @Test
    void theBodyIsCheckedAsItArrivedEvenWhenApiGatewayBase64EncodedIt() throws Exception {
        // Spacing and escapes that a parse and re-serialisation would change.
        byte[] body = "{ \"data\" : {\"event_type\":\"message.received\", \"x\":\"\\u00e9\\/\"} }\n"
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>(TelnyxRequestSigner.headers(TELNYX.getPrivate(), NOW, body));
        headers.put("Content-Type", "application/json");
        APIGatewayProxyRequestEvent encoded = new APIGatewayProxyRequestEvent().withHttpMethod("POST")
                .withResource("/telnyx/events").withPath("/telnyx/events").withHeaders(headers)
                .withBody(Base64.getEncoder().encodeToString(body)).withIsBase64Encoded(true);
        APIGatewayProxyRequestEvent plain = new APIGatewayProxyRequestEvent().withHttpMethod("POST")
                .withResource("/telnyx/events").withPath("/telnyx/events").withHeaders(headers)
                .withBody(new String(body, StandardCharsets.UTF_8));

        assertThatCode(() -> signature.verify(ApiGatewayRequests.adapt(encoded, Optional.empty())))
                .doesNotThrowAnyException();
        assertThatCode(() -> signature.verify(ApiGatewayRequests.adapt(plain, Optional.empty())))
                .doesNotThrowAnyException();
    }

    private final FixedSecret secrets = new FixedSecret("AC0", "unused");
    private final MutableClock clock = new MutableClock(NOW);

    /** A check whose key comes from Secrets Manager, cached for 5 minutes, and has been read once. */
    private TelnyxSignature cached() throws Exception {
        secrets.value = keyJson(TELNYX);
        TelnyxSignature cached = new TelnyxSignature(secret(secrets, clock), clock);
        cached.verify(signed(TELNYX, NOW, BODY));
        return cached;
    }

    @Test
    void aRotatedKeyIsPickedUpAfterAMismatchButSecretsManagerIsNotHammered() throws Exception {
        TelnyxSignature rotating = cached();

        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> rotating.verify(signed(OTHER, NOW, BODY))).isInstanceOf(WebhookRejection.class);
        }
        assertThat(secrets.reads.get()).as("one read, however many forgeries").isEqualTo(1);

        secrets.value = keyJson(OTHER);
        clock.now = NOW.plus(Duration.ofMinutes(2));
        assertThatCode(() -> rotating.verify(signed(OTHER, clock.now, BODY))).doesNotThrowAnyException();
    }

    @Test
    void anUnusableKeyIsOurMistakeSoTheAnswerIs503AndTheLogSaysWhy() throws Exception {
        secrets.value = "{\"publicKey\":\"REPLACE-WITH-THE-TELNYX-PUBLIC-KEY\"}";
        TelnyxSignature unconfigured = new TelnyxSignature(secret(secrets, clock), clock);

        assertThatThrownBy(() -> unconfigured.verify(signed(TELNYX, NOW, BODY)))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> {
                    assertThat(r.status()).isEqualTo(503);
                    assertThat(r.getCause()).hasMessageContaining("TELNYX_SECRET_ID").hasMessageContaining("publicKey");
                    assertThat(r.getCause().getMessage()).doesNotContain("REPLACE");
                });
    }

    @Test
    void secretsManagerDownWhenTheKeyIsDueIs503() throws Exception {
        TelnyxSignature expiring = cached();
        secrets.down = true;
        clock.now = NOW.plus(Duration.ofMinutes(6));

        assertThatThrownBy(() -> expiring.verify(signed(TELNYX, clock.now, BODY)))
                .isInstanceOfSatisfying(WebhookRejection.class, r -> assertThat(r.status()).isEqualTo(503));
    }

    static String keyJson(KeyPair pair) {
        return "{\"publicKey\":\"" + TelnyxRequestSigner.portalForm(pair.getPublic()) + "\"}";
    }

    static CachedSecret<TelnyxPublicKey> secret(FixedSecret secrets, Clock clock) {
        return new CachedSecret<>(secrets, "sms-over-xmpp/telnyx/webhook", Duration.ofMinutes(5), clock,
                "a JSON object with publicKey", json -> TelnyxPublicKey.parse(json.path("publicKey").textValue()));
    }
}
