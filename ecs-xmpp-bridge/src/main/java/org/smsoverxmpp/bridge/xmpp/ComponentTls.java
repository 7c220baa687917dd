package org.smsoverxmpp.bridge.xmpp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Direct TLS to the XMPP server, verified: the certificate must chain to a CA the JDK trusts or to one of
 * the extra CAs, and carry the server name (endpoint identification {@code HTTPS}, the name also sent as SNI);
 * TLS 1.3 and 1.2 only. The context is built once; each connection only handshakes.
 */
public final class ComponentTls implements SocketOpener {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final Transport.DirectTls settings;
    private final SSLSocketFactory sockets;

    ComponentTls(Transport.DirectTls settings) {
        this.settings = settings;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {
                    new ReportingTrustManager(trustManager(settings.extraCas()), settings.serverName())}, null);
            this.sockets = context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot build a TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * The certificates in a PEM bundle (one or more {@code -----BEGIN CERTIFICATE-----} blocks).
     *
     * @throws IllegalArgumentException naming what is wrong, never quoting the text, which may be anything
     */
    public static List<X509Certificate> parsePem(String pem) {
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)))) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("it holds no certificate");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IllegalArgumentException("it is not a PEM bundle of X.509 certificates (" + e.getMessage() + ")", e);
        }
    }

    /** The JDK's default trust (its cacerts, or javax.net.ssl.trustStore), with {@code extraCas} added. */
    static X509ExtendedTrustManager trustManager(List<X509Certificate> extraCas) throws GeneralSecurityException {
        X509ExtendedTrustManager jdk = pkix(null);
        if (extraCas.isEmpty()) {
            return jdk;
        }
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            anchors.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("an empty key store would not load", e);
        }
        List<X509Certificate> trusted = new ArrayList<>(List.of(jdk.getAcceptedIssuers()));
        trusted.addAll(extraCas);
        for (int i = 0; i < trusted.size(); i++) {
            anchors.setCertificateEntry("ca-" + i, trusted.get(i));
        }
        return pkix(anchors);
    }

    private static X509ExtendedTrustManager pkix(KeyStore anchors) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(anchors);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK's trust manager factory offers no X.509 trust manager");
    }

    @Override
    public Socket open(String host, int port, int timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        Socket tcp = SocketOpener.tcp(host, port, timeoutMillis);
        SSLSocket tls;
        try {
            // The server name, not the host, is the peer's name: endpoint identification checks it.
            tls = (SSLSocket) sockets.createSocket(tcp, settings.serverName(), port, true);
        } catch (IOException | RuntimeException e) {
            tcp.close();
            throw e;
        }
        try {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setProtocols(PROTOCOLS);
            settings.sni().ifPresent(name -> parameters.setServerNames(List.of(name)));
            tls.setSSLParameters(parameters);
            tls.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
            tls.startHandshake();
            return tls;
        } catch (SSLException e) {
            tls.close();
            ReportingTrustManager.Refused refused = refusalIn(e);
            if (refused != null) {
                throw new CertificateRejectedException(refused.failure(), e);
            }
            throw new IOException("TLS handshake with " + host + ":" + port + " failed: " + e.getMessage() + hint(e), e);
        } catch (IOException | RuntimeException e) {
            tls.close();
            throw e;
        }
    }

    private static ReportingTrustManager.Refused refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ReportingTrustManager.Refused refused) {
                return refused;
            }
        }
        return null;
    }

    /** What the JDK's words usually mean here. */
    private String hint(SSLException failure) {
        String message = String.valueOf(failure.getMessage());
        if (message.contains("Unsupported or unrecognized SSL message")) {
            return " (the port answers in cleartext: XMPP_TLS=direct needs the server's direct-TLS port)";
        }
        if (message.contains("unrecognized_name")) {
            return " (the server serves no host named " + settings.serverName()
                    + "; set XMPP_TLS_SERVER_NAME to one it serves, e.g. the component's domain on Prosody)";
        }
        return "";
    }
}
