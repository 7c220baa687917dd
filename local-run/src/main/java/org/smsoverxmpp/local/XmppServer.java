package org.smsoverxmpp.local;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A real XMPP server the gateway runs against, started on loopback with the gateway's component configured. */
public interface XmppServer extends AutoCloseable {
    String DOMAIN = "localhost";

    /** Starts (or restarts) the server on the same ports and data. */
    void start();

    void stop();

    /** Creates the account, or resets its password. */
    void register(String user, String password);

    int c2sPort();

    /** The component port in cleartext, on loopback. */
    int componentPort();

    /** Where the server also accepts the component over direct TLS, if it was started so. */
    Optional<DirectTlsPort> componentTls();

    String componentDomain();

    String componentSecret();

    Optional<Long> pid();

    /**
     * The bridge's settings to connect as this server's component, through {@code port} (a proxy, say): in
     * cleartext, which the bridge allows on loopback only and only when asked for by name.
     */
    default Map<String, String> bridgeEnvironment(int port) {
        return Map.of("XMPP_HOST", "127.0.0.1", "XMPP_PORT", Integer.toString(port), "XMPP_TLS", "none",
                "COMPONENT_DOMAIN", componentDomain(), "COMPONENT_SECRET", componentSecret(),
                "XMPP_SERVER_DOMAIN", DOMAIN);
    }

    /**
     * The bridge's settings to connect over the direct-TLS port, verifying the certificate's name; which CA the
     * bridge trusts is the caller's to add.
     */
    default Map<String, String> bridgeTlsEnvironment() {
        DirectTlsPort tls = componentTls().orElseThrow(() -> new IllegalStateException("started without direct TLS"));
        Map<String, String> env = new HashMap<>(bridgeEnvironment(tls.port()));
        env.put("XMPP_TLS", "direct");
        env.put("XMPP_TLS_SERVER_NAME", tls.name());
        return env;
    }

    @Override
    default void close() {
        stop();
    }
}
