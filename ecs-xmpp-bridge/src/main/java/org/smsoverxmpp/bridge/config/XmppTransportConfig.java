package org.smsoverxmpp.bridge.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smsoverxmpp.bridge.xmpp.ComponentTls;
import org.smsoverxmpp.bridge.xmpp.Transport;

/**
 * How the bridge reaches the XMPP server: {@code XMPP_TLS} and the variables that go with it. Direct TLS,
 * verified, unless cleartext is asked for by name, and cleartext only to this machine: across any network the
 * stream carries every SMS and phone number.
 */
final class XmppTransportConfig {
    private static final List<String> TLS_ONLY = List.of("XMPP_TLS_SERVER_NAME", "XMPP_TLS_CA_PEM", "XMPP_TLS_CA_FILE");

    private XmppTransportConfig() {
    }

    /** @param host XMPP_HOST, or null when it is missing (already reported) */
    static Transport read(EnvReader read, String host) {
        if (read.optional("XMPP_DIRECT_TLS").isPresent()) {
            read.problem("XMPP_DIRECT_TLS is no longer read: use XMPP_TLS instead (direct, the default, or none)");
        }
        String mode = read.parsed("XMPP_TLS", "direct", String::toLowerCase,
                m -> m.equals("direct") || m.equals("none"), "direct or none");
        return mode.equals("none") ? cleartext(read, host) : directTls(read, host);
    }

    /** @return null when refused, after saying why */
    private static Transport cleartext(EnvReader read, String host) {
        for (String name : TLS_ONLY) {
            if (read.optional(name).isPresent()) {
                read.problem(name + " has no effect with XMPP_TLS=none; remove it, or use XMPP_TLS=direct");
            }
        }
        if (host == null) {
            return null;
        }
        if (!Transport.Cleartext.allowedTo(host)) {
            read.problem("XMPP_TLS=none sends every message in cleartext, so it is refused for XMPP_HOST " + host
                    + ", which is not a loopback address (127.0.0.0/8, ::1, localhost); use XMPP_TLS=direct");
            return null;
        }
        return new Transport.Cleartext();
    }

    /** @return null when refused, after saying why */
    private static Transport directTls(EnvReader read, String host) {
        Optional<String> givenName = read.optional("XMPP_TLS_SERVER_NAME");
        String serverName = givenName.orElse(host);
        List<X509Certificate> extraCas = new ArrayList<>();
        read.optional("XMPP_TLS_CA_PEM").ifPresent(pem -> extraCas.addAll(certificates(read, "XMPP_TLS_CA_PEM", pem)));
        read.optional("XMPP_TLS_CA_FILE").flatMap(path -> fileText(read, path))
                .ifPresent(pem -> extraCas.addAll(certificates(read, "XMPP_TLS_CA_FILE", pem)));
        if (serverName == null) {
            return null;
        }
        try {
            return new Transport.DirectTls(serverName, extraCas);
        } catch (IllegalArgumentException e) {
            read.problem((givenName.isPresent() ? "XMPP_TLS_SERVER_NAME" : "XMPP_HOST")
                    + " is not a host name or IP address a certificate could be checked against (got '" + serverName + "')");
            return null;
        }
    }

    private static List<X509Certificate> certificates(EnvReader read, String name, String pem) {
        try {
            return ComponentTls.parsePem(pem);
        } catch (IllegalArgumentException e) {
            read.problem(name + " must hold PEM CA certificates, but " + e.getMessage());
            return List.of();
        }
    }

    private static Optional<String> fileText(EnvReader read, String path) {
        try {
            return Optional.of(Files.readString(Path.of(path)));
        } catch (IOException | InvalidPathException e) {
            read.problem("XMPP_TLS_CA_FILE cannot be read (" + path + "): " + e);
            return Optional.empty();
        }
    }
}
