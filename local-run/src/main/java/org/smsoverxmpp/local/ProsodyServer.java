package org.smsoverxmpp.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A real Prosody (Debian package) on free loopback ports, with a generated config and its own data. */
public final class ProsodyServer extends LocalXmppServer {

    private final Path config;

    private ProsodyServer(Path dir, String componentDomain, String componentSecret, int c2sPort, int componentPort,
            Optional<DirectTlsPort> tls) throws IOException {
        super(Files.createDirectories(dir), componentDomain, componentSecret, c2sPort, componentPort, tls);
        Files.createDirectories(dir.resolve("data"));
        Path certs = Files.createDirectories(dir.resolve("certs"));
        this.config = dir.resolve("prosody.cfg.lua");
        List<String> lines = new ArrayList<>(List.of(
                "run_as_root = true",
                "daemonize = false",
                "pidfile = \"" + dir.resolve("prosody.pid") + "\"",
                "data_path = \"" + dir.resolve("data") + "\"",
                "certificates = \"" + certs + "\"",
                "log = { { levels = { min = \"info\" }, to = \"file\", filename = \"" + dir.resolve("prosody.log") + "\" } }",
                "interfaces = { \"127.0.0.1\" }",
                "local_interfaces = { \"127.0.0.1\" }",
                "c2s_ports = { " + c2sPort + " }",
                "component_ports = { " + componentPort + " }",
                "component_interfaces = { \"127.0.0.1\" }",
                "s2s_ports = { }",
                "http_ports = { }",
                "https_ports = { }",
                "modules_enabled = { \"roster\", \"saslauth\", \"disco\", \"ping\", \"offline\", \"posix\""
                        + (tls.isPresent() ? ", \"net_multiplex\"" : "") + " }",
                "modules_disabled = { \"s2s\", \"tls\" }",
                "authentication = \"internal_hashed\"",
                "c2s_require_encryption = false",
                "allow_unencrypted_plain_auth = true",
                "storage = \"internal\""));
        if (tls.isPresent()) {
            // mod_component has no TLS of its own: net_multiplex takes direct TLS on ssl_ports and hands a
            // jabber:component:accept stream to it. The certificate is found in the certificates directory by
            // its name; Prosody answers SNI only for the hosts it serves, so the name is one of those.
            lines.add("ssl_ports = { " + tls.get().port() + " }");
            lines.add("ssl_interfaces = { \"127.0.0.1\" }");
            Files.copy(tls.get().certificate(), certs.resolve(tls.get().name() + ".crt"));
            Files.copy(tls.get().key(), certs.resolve(tls.get().name() + ".key"));
        }
        lines.addAll(List.of(
                "VirtualHost \"" + DOMAIN + "\"",
                "Component \"" + componentDomain + "\"",
                "  component_secret = \"" + componentSecret + "\"",
                ""));
        Files.writeString(config, String.join("\n", lines), StandardCharsets.UTF_8);
    }

    /** On free ports, as the tests want. */
    public static ProsodyServer start(Path dir, String componentDomain, String componentSecret) {
        return start(dir, componentDomain, componentSecret, FreePort.find(), FreePort.find(), Optional.empty());
    }

    /** On free ports, also accepting the component over direct TLS on {@code tls}. */
    public static ProsodyServer start(Path dir, String componentDomain, String componentSecret, DirectTlsPort tls) {
        return start(dir, componentDomain, componentSecret, FreePort.find(), FreePort.find(), Optional.of(tls));
    }

    public static ProsodyServer start(Path dir, String componentDomain, String componentSecret, int c2sPort,
            int componentPort) {
        return start(dir, componentDomain, componentSecret, c2sPort, componentPort, Optional.empty());
    }

    private static ProsodyServer start(Path dir, String componentDomain, String componentSecret, int c2sPort,
            int componentPort, Optional<DirectTlsPort> tls) {
        try {
            ProsodyServer server = new ProsodyServer(dir, componentDomain, componentSecret, c2sPort, componentPort, tls);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void start() {
        process = ServerProcess.start("prosody", List.of("prosody", "--config", config.toString(), "-F"),
                Map.of(), dir.resolve("stdout.log"));
        awaitListening(Duration.ofSeconds(20), "prosody");
    }

    @Override
    public void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    @Override
    public void register(String user, String password) {
        register(config, user, password);
    }

    /** The generated configuration, which prosodyctl needs to reach this server's data. */
    public Path config() {
        return config;
    }

    /** Creates the account (or resets its password) in the Prosody that {@code config} configures, running or not. */
    public static void register(Path config, String user, String password) {
        Path log = config.resolveSibling("prosodyctl.log");
        List<String> command = List.of("prosodyctl", "--config", config.toString(), "register", user, DOMAIN, password);
        if (!ServerProcess.run(command, log, Duration.ofSeconds(30))) {
            throw new IllegalStateException("prosodyctl register " + user + " failed; see " + log);
        }
    }
}
