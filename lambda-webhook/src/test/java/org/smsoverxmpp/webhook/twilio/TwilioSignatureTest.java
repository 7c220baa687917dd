package org.smsoverxmpp.webhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.security.RequestValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.webhook.MutableClock;
import org.smsoverxmpp.webhook.http.CalledUrl;
import org.smsoverxmpp.webhook.http.WebhookRejection;

class TwilioSignatureTest {
    static final String ACCOUNT = "AC00000000000000000000000000000001";
    static final String TOKEN = "12345";
    static final CalledUrl URL = CalledUrl.exactly("https://mycompany.com/myapp.php?foo=1&bar=2");
    static final Map<String, String> FORM = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+12349013030",
            "Digits", "1234", "From", "+12349013030", "To", "+18005551212");
    /** Twilio's documented example signature for the URL and form above with auth token 12345. */
    static final String DOCUMENTED = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

    private final FixedSecret secrets = new FixedSecret(ACCOUNT, TOKEN);
    private final TwilioSignature signature = new TwilioSignature(new TwilioSecret(
            secrets, "twilio", Duration.ofMinutes(5), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)));

    @Test
    void twiliosDocumentedExampleVerifies() throws Exception {
        assertThat(signature.verify(URL, FORM, Optional.of(DOCUMENTED)).accountSid()).isEqualTo(ACCOUNT);
    }

    @Test
    void ourSignerAgreesWithTheSdkAndTheDocumentation() {
        assertThat(TwilioRequestSigner.sign(TOKEN, "https://mycompany.com/myapp.php?foo=1&bar=2", FORM)).isEqualTo(DOCUMENTED);
        String other = TwilioRequestSigner.sign("other-token", "https://x.example/sms", Map.of("Body", "hé 👋"));
        assertThat(new RequestValidator("other-token").validate("https://x.example/sms", Map.of("Body", "hé 👋"), other))
                .isTrue();
    }

    @Test
    void missingSignatureIsForbidden() {
        assertThatThrownBy(() -> signature.verify(URL, FORM, Optional.empty()))
                .isInstanceOf(WebhookRejection.class)
                .satisfies(e -> assertThat(((WebhookRejection) e).status()).isEqualTo(403))
                .hasMessageContaining("missing");
    }

    @Test
    void tamperedFormIsForbidden() {
        Map<String, String> tampered = new java.util.HashMap<>(FORM);
        tampered.put("Digits", "9999");
        assertThatThrownBy(() -> signature.verify(URL, tampered, Optional.of(DOCUMENTED)))
                .isInstanceOf(WebhookRejection.class).hasMessageContaining("invalid");
    }

    @Test
    void signatureForAnotherUrlIsForbidden() {
        assertThatThrownBy(() -> signature.verify(CalledUrl.exactly("https://evil.example/myapp.php?foo=1&bar=2"), FORM,
                Optional.of(DOCUMENTED))).isInstanceOf(WebhookRejection.class);
    }

    @Test
    void urlsTriedAreFewAndBounded() {
        TwilioSignature withFragment = new TwilioSignature(new TwilioSecret(secrets, "twilio", Duration.ofMinutes(5),
                Clock.systemUTC()), Optional.of("rc=3"));
        CalledUrl everySpellingDiffers = new CalledUrl("https://x.example/sms", List.of("?a", "?b", "?c", "?d"));

        assertThat(withFragment.signedUrls(everySpellingDiffers)).hasSize(12).doesNotHaveDuplicates();
        assertThat(signature.signedUrls(CalledUrl.exactly("https://x.example/sms")))
                .containsExactly("https://x.example/sms", "https://x.example/sms#rc=5&rp=ct,rt,5xx");
    }

    @Test
    void rotatedTokenIsPickedUpAfterAMismatch() throws Exception {
        MutableClock clock = new MutableClock();
        TwilioSignature rotating = new TwilioSignature(new TwilioSecret(secrets, "twilio", Duration.ofHours(1), clock));
        rotating.verify(URL, FORM, Optional.of(DOCUMENTED));

        secrets.value = FixedSecret.json(ACCOUNT, "new-token");
        clock.now = clock.now.plus(Duration.ofMinutes(2));

        String signedWithNewToken = TwilioSignatures.of("new-token", "https://mycompany.com/myapp.php?foo=1&bar=2", FORM);
        assertThat(rotating.verify(URL, FORM, Optional.of(signedWithNewToken)).signingKey()).isEqualTo("new-token");
    }

    @Test
    void forgedRequestsCannotMakeUsHammerSecretsManager() {
        MutableClock clock = new MutableClock();
        TwilioSignature guarded = new TwilioSignature(new TwilioSecret(secrets, "twilio", Duration.ofHours(1), clock));
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> guarded.verify(URL, FORM, Optional.of("forged"))).isInstanceOf(WebhookRejection.class);
        }
        assertThat(secrets.reads.get()).isEqualTo(1);
    }

    @Test
    void secretsManagerDownWhenTheCacheExpiredIs503SoTwilioRetries() throws Exception {
        MutableClock clock = new MutableClock();
        TwilioSignature expiring = new TwilioSignature(new TwilioSecret(secrets, "twilio", Duration.ofMinutes(5), clock));
        expiring.verify(URL, FORM, Optional.of(DOCUMENTED));
        secrets.down = true;
        clock.now = clock.now.plus(Duration.ofMinutes(6));

        assertThatThrownBy(() -> expiring.verify(URL, FORM, Optional.of(DOCUMENTED)))
                .isInstanceOfSatisfying(WebhookRejection.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void rotationRecheckThatCannotReachSecretsManagerIs503NotA403() throws Exception {
        MutableClock clock = new MutableClock();
        TwilioSignature rotating = new TwilioSignature(new TwilioSecret(secrets, "twilio", Duration.ofHours(1), clock));
        rotating.verify(URL, FORM, Optional.of(DOCUMENTED));
        secrets.down = true;
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        String signedWithARotatedToken = TwilioSignatures.of("rotated", "https://mycompany.com/myapp.php?foo=1&bar=2", FORM);

        assertThatThrownBy(() -> rotating.verify(URL, FORM, Optional.of(signedWithARotatedToken)))
                .isInstanceOfSatisfying(WebhookRejection.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void emptyAuthTokenFailsClosed() {
        secrets.value = FixedSecret.json(ACCOUNT, "");
        TwilioSecret secret = new TwilioSecret(secrets, "twilio", Duration.ofMinutes(5), Clock.systemUTC());
        assertThatThrownBy(secret::current).isInstanceOf(IllegalStateException.class).hasMessageContaining("authToken");
    }

    @Test
    void secretErrorsDoNotQuoteTheSecret() {
        secrets.value = "not-json supersecret";
        TwilioSecret secret = new TwilioSecret(secrets, "twilio", Duration.ofMinutes(5), Clock.systemUTC());
        assertThatThrownBy(secret::current).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("supersecret");
    }
}
