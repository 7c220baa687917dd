package org.smsoverxmpp.webhook.telnyx;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs a webhook the way Telnyx does, with a key pair of one's own, for the local run, the end-to-end tests and
 * SnapStart's priming: Telnyx keeps its private key, so nothing else can make a webhook the gateway accepts.
 * The public key goes into the webhook's secret in the form {@link #portalForm} gives.
 */
public final class TelnyxRequestSigner {
    private TelnyxRequestSigner() {
    }

    public static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    /** Base64 of the Ed25519 signature over {@code <timestamp>|<body>}: the {@code telnyx-signature-ed25519} header. */
    public static String sign(PrivateKey key, String timestamp, byte[] body) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(TelnyxSignature.signedBytes(timestamp, body));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519", e);
        }
    }

    /** The two headers Telnyx sends with {@code body}, as if it were sent at {@code sentAt}. */
    public static Map<String, String> headers(PrivateKey key, Instant sentAt, byte[] body) {
        String timestamp = Long.toString(sentAt.getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(TelnyxSignature.TIMESTAMP_HEADER, timestamp);
        headers.put(TelnyxSignature.SIGNATURE_HEADER, sign(key, timestamp, body));
        return headers;
    }

    /** The public key as Telnyx's portal shows it, and the secret's {@code publicKey} holds it: base64 of 32 bytes. */
    public static String portalForm(PublicKey key) {
        byte[] spki = key.getEncoded();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - TelnyxPublicKey.RAW_LENGTH,
                spki.length));
    }
}
