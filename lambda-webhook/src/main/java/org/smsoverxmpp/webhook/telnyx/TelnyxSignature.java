package org.smsoverxmpp.webhook.telnyx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.http.WebhookRequest;
import org.smsoverxmpp.webhook.secrets.CachedSecret;
import org.smsoverxmpp.webhook.secrets.SecretSource;

/**
 * Checks a Telnyx webhook's signature: {@value #SIGNATURE_HEADER} is base64 of an Ed25519 signature over the bytes
 * {@code <telnyx-timestamp>|<body>}, the body exactly as it arrived; {@value #TIMESTAMP_HEADER} is when Telnyx sent
 * it, in Unix seconds, and a request more than {@link #TOLERANCE} from now in either direction is refused, so a
 * recorded webhook cannot be replayed later. In that order: missing headers, the time, the signature (all 403).
 */
public final class TelnyxSignature {
    public static final String SIGNATURE_HEADER = "telnyx-signature-ed25519";
    public static final String TIMESTAMP_HEADER = "telnyx-timestamp";
    /** Telnyx's own SDKs allow this much either way. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final int SIGNATURE_LENGTH = 64;
    /** After a mismatch the key is re-read at most this often, in case it was rotated or just filled in. */
    private static final Duration ROTATION_RECHECK = Duration.ofMinutes(1);

    private final SecretSource<TelnyxPublicKey> keys;
    private final Clock clock;

    public TelnyxSignature(SecretSource<TelnyxPublicKey> keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public void verify(WebhookRequest request) throws WebhookRejection {
        String signature = required(request, SIGNATURE_HEADER);
        String timestamp = required(request, TIMESTAMP_HEADER);
        checkTime(timestamp);
        byte[] signatureBytes = decode(signature);
        byte[] signed = signedBytes(timestamp, request.body());
        try {
            TelnyxPublicKey key = keys.current();
            if (matches(key, signed, signatureBytes)) {
                return;
            }
            TelnyxPublicKey reread = keys.refreshIfOlderThan(ROTATION_RECHECK);
            if (reread != key && matches(reread, signed, signatureBytes)) {
                return;
            }
            if (reread instanceof TelnyxPublicKey.Unusable unusable) {
                // Our configuration, not the caller's fault: a 5xx, which Telnyx retries, and a line that says why.
                throw WebhookRejection.unavailable("cannot check " + SIGNATURE_HEADER + " now, retry later",
                        new IllegalStateException("the Telnyx public key in TELNYX_SECRET_ID's secret is unusable: "
                                + unusable.problem()));
            }
        } catch (CachedSecret.UnavailableException e) {
            throw WebhookRejection.unavailable("cannot check " + SIGNATURE_HEADER + " now, retry later", e);
        }
        throw WebhookRejection.forbidden("invalid " + SIGNATURE_HEADER);
    }

    /** What Telnyx signs: the timestamp header's text, a {@code |}, and the raw body. */
    static byte[] signedBytes(String timestamp, byte[] body) {
        ByteArrayOutputStream signed = new ByteArrayOutputStream(timestamp.length() + 1 + body.length);
        signed.writeBytes(timestamp.getBytes(StandardCharsets.UTF_8));
        signed.write('|');
        signed.writeBytes(body);
        return signed.toByteArray();
    }

    private static String required(WebhookRequest request, String header) throws WebhookRejection {
        Optional<String> value = request.header(header).filter(v -> !v.isBlank());
        if (value.isEmpty()) {
            throw WebhookRejection.forbidden("missing " + header);
        }
        return value.get();
    }

    private void checkTime(String timestamp) throws WebhookRejection {
        // Unix seconds in ASCII digits; Long.parseLong would also take a sign and other scripts' digits.
        if (timestamp.length() > 12 || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw WebhookRejection.forbidden("invalid " + TIMESTAMP_HEADER);
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        if (skew > TOLERANCE.toSeconds()) {
            throw WebhookRejection.forbidden(TIMESTAMP_HEADER + " is more than " + TOLERANCE.toMinutes()
                    + " minutes from now");
        }
    }

    private static byte[] decode(String signature) throws WebhookRejection {
        try {
            byte[] bytes = Base64.getDecoder().decode(signature.strip());
            if (bytes.length == SIGNATURE_LENGTH) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw WebhookRejection.forbidden("invalid " + SIGNATURE_HEADER);
    }

    private static boolean matches(TelnyxPublicKey key, byte[] signed, byte[] signature) {
        if (!(key instanceof TelnyxPublicKey.Usable usable)) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(usable.key());
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
