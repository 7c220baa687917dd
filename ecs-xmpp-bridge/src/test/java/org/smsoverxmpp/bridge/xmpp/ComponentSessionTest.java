package org.smsoverxmpp.bridge.xmpp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** How the handshake's failures are told apart: only a refused secret or domain waits the long retry. */
class ComponentSessionTest {
    private static final SocketOpener CLEARTEXT = SocketOpener.over(new Transport.Cleartext());

    /** A server that opens the stream, reads the handshake and answers {@code reply}. */
    private static ServerSocket serverAnswering(String reply) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            try (Socket socket = server.accept(); InputStream in = socket.getInputStream();
                 OutputStream out = socket.getOutputStream()) {
                byte[] buffer = new byte[4096];
                in.read(buffer);
                out.write(("<?xml version='1.0'?><stream:stream xmlns='jabber:component:accept' "
                        + "xmlns:stream='http://etherx.jabber.org/streams' id='s1' from='sms.example.com'>")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                in.read(buffer);
                out.write(reply.getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(200);
            } catch (IOException | InterruptedException e) {
                // the test is over
            }
        });
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    private static ComponentSettings settings(int port) {
        return new ComponentSettings("127.0.0.1", port, new Transport.Cleartext(),
                JidCreate.domainBareFromOrThrowUnchecked("sms.example.com"),
                "secret", JidCreate.domainBareFromOrThrowUnchecked("example.com"), Duration.ofSeconds(60),
                Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    @Test
    void aRefusedSecretIsAHandshakeRejection() throws Exception {
        try (ServerSocket server = serverAnswering("<stream:error><not-authorized "
                + "xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>")) {
            assertThatThrownBy(() -> ComponentSession.open(settings(server.getLocalPort()), CLEARTEXT, new XmppStream(1)))
                    .isInstanceOf(HandshakeRejectedException.class);
        }
    }

    @Test
    void aServerShuttingDownIsAnOrdinaryFailureRetriedSoon() throws Exception {
        try (ServerSocket server = serverAnswering("<stream:error><system-shutdown "
                + "xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error></stream:stream>")) {
            assertThatThrownBy(() -> ComponentSession.open(settings(server.getLocalPort()), CLEARTEXT, new XmppStream(1)))
                    .isInstanceOf(IOException.class).isNotInstanceOf(HandshakeRejectedException.class);
        }
    }
}
