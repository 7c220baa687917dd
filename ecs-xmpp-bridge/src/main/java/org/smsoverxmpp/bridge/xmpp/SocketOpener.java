package org.smsoverxmpp.bridge.xmpp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Opens the socket a component stream runs over: plain TCP, or verified TLS over it ({@link ComponentTls}). */
interface SocketOpener {

    /** Connected (and, for TLS, through its handshake) within {@code timeoutMillis}, or throws. */
    Socket open(String host, int port, int timeoutMillis) throws IOException;

    /** Built once per connection, not per attempt: a TLS context is costly and never changes. */
    static SocketOpener over(Transport transport) {
        if (transport instanceof Transport.DirectTls tls) {
            return new ComponentTls(tls);
        }
        return SocketOpener::tcp;
    }

    static Socket tcp(String host, int port, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
