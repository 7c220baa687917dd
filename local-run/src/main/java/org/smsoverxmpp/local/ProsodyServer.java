package org.smsoverxmpp.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A real Prosody (Debian package) on free loopback ports, with a generated config and its own data. */
public final class ProsodyServer extends LocalXmppServer {

    private final Path config;

    private ProsodyServer(Path dir, String componentDomain, String componentSecret, int c2sPort, int componentPort)
            throws IOException {
        super(Files.createDirectories(dir), componentDomain, componentSecret, c2sPort, componentPort);
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("certs"));
        this.config = dir.resolve("prosody.cfg.lua");
        Files.writeString(config, String.join("\n",
                "run_as_root = true",
                "daemonize = false",
                "pidfile = \"" + dir.resolve("prosody.pid") + "\"",
                "data_path = \"" + dir.resolve("data") + "\"",
                "certificates = \"" + dir.resolve("certs") + "\"",
                "log = { { levels = { min = \"info\" }, to = \"file\", filename = \"" + dir.resolve("prosody.log") + "\" } }",
                "interfaces = { \"127.0.0.1\" }",
                "local_interfaces = { \"127.0.0.1\" }",
                "c2s_ports = { " + c2sPort + " }",
                "component_ports = { " + componentPort + " }",
                "component_interfaces = { \"127.0.0.1\" }",
                "s2s_ports = { }",
                "http_ports = { }",
                "https_ports = { }",
                "modules_enabled = { \"roster\", \"saslauth\", \"disco\", \"ping\", \"offline\", \"posix\" }",
                "modules_disabled = { \"s2s\", \"tls\" }",
                "authentication = \"internal_hashed\"",
                "c2s_require_encryption = false",
                "allow_unencrypted_plain_auth = true",
                "storage = \"internal\"",
                "VirtualHost \"" + DOMAIN + "\"",
                "Component \"" + componentDomain + "\"",
                "  component_secret = \"" + componentSecret + "\"",
                ""), StandardCharsets.UTF_8);
    }

    /** On free ports, as the tests want. */
    public static ProsodyServer start(Path dir, String componentDomain, String componentSecret) {
        return start(dir, componentDomain, componentSecret, FreePort.find(), FreePort.find());
    }

    public static ProsodyServer start(Path dir, String componentDomain, String componentSecret, int c2sPort,
            int componentPort) {
        try {
            ProsodyServer server = new ProsodyServer(dir, componentDomain, componentSecret, c2sPort, componentPort);
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
        FreePort.awaitListening(c2sPort, Duration.ofSeconds(20), process.process(), "prosody");
        FreePort.awaitListening(componentPort, Duration.ofSeconds(20), process.process(), "prosody");
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
        List<String> command = List.of("prosodyctl", "--config", config.toString(), "register", user, DOMAIN, password);
        if (!ServerProcess.run(command, dir.resolve("prosodyctl.log"), Duration.ofSeconds(30))) {
            throw new IllegalStateException("prosodyctl register " + user + " failed; see " + dir.resolve("prosodyctl.log"));
        }
    }






}
