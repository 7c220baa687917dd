package org.smsoverxmpp.webhook.telnyx;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The public key as an operator may paste it from Telnyx's portal or a PEM file, or get it wrong. */
class TelnyxPublicKeyTest {
    static final KeyPair PAIR = TelnyxRequestSigner.newKeyPair();

    @Test
    void theRawKeyAsThePortalShowsItIsUsable() {
        String portal = TelnyxRequestSigner.portalForm(PAIR.getPublic());

        assertThat(Base64.getDecoder().decode(portal)).hasSize(32);
        assertThat(TelnyxPublicKey.parse(portal)).isEqualTo(new TelnyxPublicKey.Usable(PAIR.getPublic()));
        assertThat(TelnyxPublicKey.parse("  " + portal + "\n")).isInstanceOf(TelnyxPublicKey.Usable.class);
    }

    @Test
    void aSubjectPublicKeyInfoInBase64OrPemIsUsable() {
        String der = Base64.getEncoder().encodeToString(PAIR.getPublic().getEncoded());
        String pem = "-----BEGIN PUBLIC KEY-----\n" + der + "\n-----END PUBLIC KEY-----\n";

        assertThat(TelnyxPublicKey.parse(der)).isEqualTo(new TelnyxPublicKey.Usable(PAIR.getPublic()));
        assertThat(TelnyxPublicKey.parse(pem)).isEqualTo(new TelnyxPublicKey.Usable(PAIR.getPublic()));
    }

    @Test
    void whatIsNoEd25519KeyIsUnusableAndSaysWhyWithoutQuotingIt() {
        assertThat(TelnyxPublicKey.parse(null)).isEqualTo(new TelnyxPublicKey.Unusable("publicKey is empty"));
        assertThat(TelnyxPublicKey.parse(" ")).isEqualTo(new TelnyxPublicKey.Unusable("publicKey is empty"));
        assertThat(TelnyxPublicKey.parse("fill-me-in!")).isEqualTo(new TelnyxPublicKey.Unusable("publicKey is not base64"));
        assertThat(TelnyxPublicKey.parse(Base64.getEncoder().encodeToString(new byte[31])))
                .isInstanceOfSatisfying(TelnyxPublicKey.Unusable.class,
                        u -> assertThat(u.problem()).contains("32-byte").contains("31 bytes"));
        // An RSA-sized blob, and a 44-byte SubjectPublicKeyInfo of another algorithm (X25519, OID 1.3.101.110).
        assertThat(TelnyxPublicKey.parse(Base64.getEncoder().encodeToString(new byte[294])))
                .isInstanceOf(TelnyxPublicKey.Unusable.class);
        byte[] x25519 = PAIR.getPublic().getEncoded().clone();
        x25519[8] = 0x6e;
        assertThat(TelnyxPublicKey.parse(Base64.getEncoder().encodeToString(x25519)))
                .isInstanceOf(TelnyxPublicKey.Unusable.class);
    }

    @Test
    void thirtyTwoBytesThatAreNoPointOnTheCurveAreUnusable() {
        // y = 2 has no x on Ed25519; the JDK takes the bytes and fails only when it verifies.
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2;

        assertThat(TelnyxPublicKey.parse(Base64.getEncoder().encodeToString(notAPoint)))
                .isInstanceOfSatisfying(TelnyxPublicKey.Unusable.class,
                        u -> assertThat(u.problem()).startsWith("publicKey is not an Ed25519 public key"));
    }
}
