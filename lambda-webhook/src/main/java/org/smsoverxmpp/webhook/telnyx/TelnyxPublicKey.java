package org.smsoverxmpp.webhook.telnyx;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The Ed25519 public key Telnyx signs webhooks for, as the operator pasted it into the secret: usable, or not, and
 * why. An unusable key is the operator's mistake, not the caller's: its requests are answered 503, never 403, and
 * the log says what is wrong (docs/configuration.md).
 */
public sealed interface TelnyxPublicKey {

    /** Ed25519's X.509 SubjectPublicKeyInfo header (OID 1.3.101.112), which a raw 32-byte key lacks. */
    byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    int RAW_LENGTH = 32;

    record Usable(PublicKey key) implements TelnyxPublicKey {
        public Usable {
            Objects.requireNonNull(key, "key");
        }
    }

    /** @param problem what is wrong with the text, never the text */
    record Unusable(String problem) implements TelnyxPublicKey {
    }

    /**
     * Reads the key in any form an operator may paste: base64 of the raw 32 bytes (what Telnyx's portal shows),
     * or an X.509 SubjectPublicKeyInfo, base64 DER or PEM.
     */
    static TelnyxPublicKey parse(String text) {
        if (text == null || text.isBlank()) {
            return new Unusable("publicKey is empty");
        }
        String base64 = text.strip();
        if (base64.startsWith("-----BEGIN")) {
            base64 = base64.lines().filter(line -> !line.startsWith("-----")).reduce("", String::concat);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return new Unusable("publicKey is not base64");
        }
        byte[] spki = bytes.length == RAW_LENGTH ? withPrefix(bytes) : bytes;
        if (spki.length != SPKI_PREFIX.length + RAW_LENGTH
                || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            return new Unusable("publicKey is neither a 32-byte Ed25519 key nor an Ed25519 SubjectPublicKeyInfo (it has "
                    + bytes.length + " bytes)");
        }
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            // The JDK takes any 32 bytes here and finds out only when verifying whether they are a point on the curve.
            Signature trial = Signature.getInstance("Ed25519");
            trial.initVerify(key);
            trial.verify(new byte[64]);
            return new Usable(key);
        } catch (GeneralSecurityException e) {
            return new Unusable("publicKey is not an Ed25519 public key (" + e.getMessage() + ")");
        }
    }

    /** A key already in hand: SnapStart's throwaway pair, a test's. */
    static TelnyxPublicKey of(PublicKey key) {
        return new Usable(key);
    }

    private static byte[] withPrefix(byte[] raw) {
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, raw.length);
        return spki;
    }
}
