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
import java.util.concurrent.TimeUnit;

/** A real Prosody (Debian package) on free loopback ports, with a generated config and its own data. */
public final class ProsodyServer implements AutoCloseable {
    public static final String DOMAIN = "localhost";

    private final Path dir;
    private final Path config;
    private final int c2sPort;
    private final int componentPort;
    private final String componentDomain;
    private final String componentSecret;
    private ServerProcess process;

    private ProsodyServer(Path dir, String componentDomain, String componentSecret, int c2sPort, int componentPort)
            throws IOException {
        this.dir = Files.createDirectories(dir);
        this.componentDomain = componentDomain;
        this.componentSecret = componentSecret;
        this.c2sPort = c2sPort;
        this.componentPort = componentPort;
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

    /** Starts (or restarts) the server on the same ports and data. */
    public void start() {
        process = ServerProcess.start("prosody", List.of("prosody", "--config", config.toString(), "-F"),
                Map.of(), dir.resolve("stdout.log"));
        FreePort.awaitListening(c2sPort, Duration.ofSeconds(20), process.process(), "prosody");
        FreePort.awaitListening(componentPort, Duration.ofSeconds(20), process.process(), "prosody");
    }

    public void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    public void register(String user, String password) {
        List<String> command = List.of("prosodyctl", "--config", config.toString(), "register", user, DOMAIN, password);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("prosodyctl.log").toFile())).start();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("prosodyctl register " + user + " failed; see " + dir.resolve("prosodyctl.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The bridge's settings to connect as this server's component, through {@code port} (a proxy, say). */
    public Map<String, String> bridgeEnvironment(int port) {
        return Map.of("XMPP_HOST", "127.0.0.1", "XMPP_PORT", Integer.toString(port),
                "COMPONENT_DOMAIN", componentDomain, "COMPONENT_SECRET", componentSecret,
                "XMPP_SERVER_DOMAIN", DOMAIN);
    }

    public Optional<Long> pid() {
        return Optional.ofNullable(process).map(p -> p.process().pid());
    }

    public int c2sPort() {
        return c2sPort;
    }

    public int componentPort() {
        return componentPort;
    }

    public String componentDomain() {
        return componentDomain;
    }

    @Override
    public void close() {
        stop();
    }
}
