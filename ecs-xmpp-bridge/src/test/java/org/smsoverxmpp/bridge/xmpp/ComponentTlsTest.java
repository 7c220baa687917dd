package org.smsoverxmpp.bridge.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.bridge.xmpp.TestCertificates.Issued;

/** The bridge's side of direct TLS: whom it trusts, what it checks, and how a refusal reads. */
class ComponentTlsTest {
    private static final String NAME = "xmpp.test";
    private static Issued ca;
    private static Issued server;
    private final List<ServerSocket> servers = new ArrayList<>();

    @BeforeAll
    static void issue() throws Exception {
        ca = TestCertificates.ca("Test CA");
        server = TestCertificates.server(ca, NAME, "DNS:" + NAME);
    }

    @AfterEach
    void stopServers() throws IOException {
        for (ServerSocket socket : servers) {
            socket.close();
        }
    }

    /** Completes the TLS handshake with every client, presenting {@code certificate}, and holds the connection. */
    private int serverPresenting(Issued certificate, String... protocols) throws Exception {
        SSLServerSocket socket = tlsServerSocket(certificate);
        if (protocols.length > 0) {
            socket.setEnabledProtocols(protocols);
        }
        return serve(socket, client -> ((SSLSocket) client).startHandshake());
    }

    private static SSLServerSocket tlsServerSocket(Issued certificate) throws Exception {
        return (SSLServerSocket) certificate.serverContext().getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getLoopbackAddress());
    }

    private interface Conversation {
        void with(Socket client) throws IOException;
    }

    private int serve(ServerSocket socket, Conversation conversation) {
        servers.add(socket);
        Thread thread = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    conversation.with(client);
                } catch (IOException e) {
                    // the client gave up, or the test is over
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return socket.getLocalPort();
    }

    private static ComponentTls tls(String serverName, Issued... extraCas) {
        return new ComponentTls(new Transport.DirectTls(serverName,
                Arrays.stream(extraCas).map(Issued::certificate).toList()));
    }

    private static CertificateFailure refusal(ComponentTls tls, int port) {
        try (Socket socket = tls.open("127.0.0.1", port, 5_000)) {
            throw new AssertionError("accepted " + socket);
        } catch (CertificateRejectedException e) {
            return e.failure();
        } catch (IOException e) {
            throw new AssertionError("failed, but not as a refused certificate", e);
        }
    }

    @Test
    void aCertificateFromTheExtraCaForTheServerNameIsAccepted() throws Exception {
        int port = serverPresenting(server);

        try (SSLSocket socket = (SSLSocket) tls(NAME, ca).open("127.0.0.1", port, 5_000)) {
            assertThat(socket.getSession().getPeerCertificates()[0]).isEqualTo(server.certificate());
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
    }

    @Test
    void theJdksOwnCasStayTrustedBesideTheExtraOne() throws Exception {
        TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jdk.init((KeyStore) null);
        List<X509Certificate> jdkCas =
                List.of(((X509TrustManager) jdk.getTrustManagers()[0]).getAcceptedIssuers());

        List<X509Certificate> trusted =
                List.of(ComponentTls.trustManager(List.of(ca.certificate())).getAcceptedIssuers());

        assertThat(jdkCas).isNotEmpty();
        assertThat(trusted).containsAll(jdkCas).contains(ca.certificate()).hasSize(jdkCas.size() + 1);
    }

    @Test
    void withoutTheExtraCaTheSameCertificateIsRefusedAsUntrusted() throws Exception {
        int port = serverPresenting(server);

        CertificateFailure failure = refusal(tls(NAME), port);

        assertThat(failure.reason()).isEqualTo(CertificateFailure.Reason.UNTRUSTED_ISSUER);
        assertThat(failure.issuer()).isEqualTo(ca.certificate().getSubjectX500Principal().getName());
    }

    @Test
    void aCertificateForAnotherNameIsRefusedNamingBoth() throws Exception {
        int port = serverPresenting(server);

        CertificateFailure failure = refusal(tls("other.test", ca), port);

        assertThat(failure.reason()).isEqualTo(CertificateFailure.Reason.NAME_MISMATCH);
        assertThat(failure.expectedName()).isEqualTo("other.test");
        assertThat(failure.presentedNames()).contains("CN=" + NAME, "DNS:" + NAME);
    }

    @Test
    void anExpiredCertificateIsRefusedAsExpired() throws Exception {
        Issued expired = TestCertificates.server(ca, NAME, Instant.now().minus(Duration.ofDays(3)),
                Instant.now().minus(Duration.ofDays(1)), "DNS:" + NAME);
        int port = serverPresenting(expired);

        assertThat(refusal(tls(NAME, ca), port).reason()).isEqualTo(CertificateFailure.Reason.EXPIRED);
    }

    @Test
    void anIpAddressIsCheckedAgainstTheCertificatesIpEntries() throws Exception {
        Issued byAddress = TestCertificates.server(ca, "127.0.0.1", "IP:127.0.0.1");
        int port = serverPresenting(byAddress);

        try (SSLSocket socket = (SSLSocket) tls("127.0.0.1", ca).open("127.0.0.1", port, 5_000)) {
            assertThat(socket.getSession().getPeerCertificates()[0]).isEqualTo(byAddress.certificate());
        }
        assertThat(refusal(tls("127.0.0.2", ca), port).reason()).isEqualTo(CertificateFailure.Reason.NAME_MISMATCH);
    }

    @Test
    void tls12IsAcceptedAndNothingOlderIsOffered() throws Exception {
        int port = serverPresenting(server, "TLSv1.2");

        try (SSLSocket socket = (SSLSocket) tls(NAME, ca).open("127.0.0.1", port, 5_000)) {
            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
            assertThat(socket.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        }
    }

    @Test
    void aServerThatNeverAnswersTheHandshakeTimesOutWithinTheConnectTimeout() throws Exception {
        int port = serve(new ServerSocket(0, 5, InetAddress.getLoopbackAddress()), client -> { });
        long started = System.nanoTime();

        assertThatThrownBy(() -> tls(NAME, ca).open("127.0.0.1", port, 300)).isInstanceOf(SocketTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aCleartextPortFailsTheHandshakeWithAHintNotAsACertificate() throws Exception {
        int port = serve(new ServerSocket(0, 5, InetAddress.getLoopbackAddress()), client -> {
            try (client; InputStream in = client.getInputStream()) {
                in.read(new byte[512]);
                client.getOutputStream().write("<?xml version='1.0'?><stream:stream xmlns='jabber:component:accept'>"
                        .getBytes(StandardCharsets.UTF_8));
            }
        });

        assertThatThrownBy(() -> tls(NAME, ca).open("127.0.0.1", port, 5_000))
                .isInstanceOf(IOException.class).isNotInstanceOf(CertificateRejectedException.class)
                .hasMessageContaining("cleartext");
    }

    @Test
    void aServerThatHostsNoSuchNameIsReportedWithAHint() throws Exception {
        // Prosody refuses SNI for any name it does not host, with a fatal unrecognized_name alert; so does this one.
        SSLServerSocket socket = tlsServerSocket(server);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setSNIMatchers(List.of(SNIHostName.createSNIMatcher(Pattern.quote(NAME))));
        socket.setSSLParameters(parameters);
        int port = serve(socket, client -> ((SSLSocket) client).startHandshake());

        assertThatThrownBy(() -> tls("other.test", ca).open("127.0.0.1", port, 5_000))
                .isInstanceOf(IOException.class).isNotInstanceOf(CertificateRejectedException.class)
                .hasMessageContaining("serves no host named other.test").hasMessageContaining("XMPP_TLS_SERVER_NAME");
    }

    @Test
    void aPemBundleGivesEachOfItsCertificates() throws Exception {
        Issued other = TestCertificates.ca("Other CA");

        assertThat(ComponentTls.parsePem(ca.pem() + other.pem()))
                .containsExactly(ca.certificate(), other.certificate());
    }

    @Test
    void textThatIsNoPemCertificateIsRefusedWithoutQuotingIt() {
        String privateKey =
                "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n";

        assertThatThrownBy(() -> ComponentTls.parsePem(privateKey)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PEM").hasMessageNotContaining("MIGHAgEA");
        assertThatThrownBy(() -> ComponentTls.parsePem("  \n")).isInstanceOf(IllegalArgumentException.class);
    }
}
