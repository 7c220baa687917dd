package org.smsoverxmpp.bridge.xmpp;

/**
 * The server's certificate failed verification. Not a network hiccup: it stays refused until someone changes
 * the certificate or the bridge's settings, so it is retried slowly, like a refused secret.
 */
public class CertificateRejectedException extends java.io.IOException {
    private final transient CertificateFailure failure;

    public CertificateRejectedException(CertificateFailure failure, Throwable cause) {
        super("certificate failed verification: " + failure, cause);
        this.failure = failure;
    }

    public CertificateFailure failure() {
        return failure;
    }
}
