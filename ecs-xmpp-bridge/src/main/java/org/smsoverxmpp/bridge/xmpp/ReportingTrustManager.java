package org.smsoverxmpp.bridge.xmpp;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's own checks of the server's certificate (its chain to a trusted CA, its validity, and, with the
 * socket's endpoint identification, its name), unchanged; a failure comes out as a {@link Refused} that says
 * what was expected and what was presented, which by the time the handshake fails nobody can ask any more.
 */
final class ReportingTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager jdk;
    private final String expectedName;

    ReportingTrustManager(X509ExtendedTrustManager jdk, String expectedName) {
        this.jdk = jdk;
        this.expectedName = expectedName;
    }

    /** Carries the description through the TLS stack, as the cause of its handshake exception. */
    static final class Refused extends CertificateException {
        private final transient CertificateFailure failure;

        Refused(CertificateFailure failure, CertificateException cause) {
            super(failure.toString(), cause);
            this.failure = failure;
        }

        CertificateFailure failure() {
            return failure;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        reporting(chain, () -> jdk.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        reporting(chain, () -> jdk.checkServerTrusted(chain, authType, engine));
    }

    /** Not called for sockets (the JDK calls the variant with the socket), but it must check as strictly. */
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the server's name cannot be verified without its socket");
    }

    private interface Check {
        void run() throws CertificateException;
    }

    private void reporting(X509Certificate[] chain, Check check) throws CertificateException {
        try {
            check.run();
        } catch (CertificateException e) {
            throw new Refused(CertificateFailure.of(expectedName, chain, e), e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("the bridge is a TLS client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("the bridge is a TLS client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the bridge is a TLS client only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return jdk.getAcceptedIssuers();
    }
}
