package org.smsoverxmpp.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real ejabberd (Debian package) on free loopback ports, with a generated config, its own Mnesia spool and
 * node name. Run as root, ejabberdctl drops to the ejabberd user, so the directory is handed to that user.
 */
public final class EjabberdServer extends LocalXmppServer {
    private final String node;

    private EjabberdServer(Path dir, String componentDomain, String componentSecret, int c2sPort, int componentPort,
            Optional<DirectTlsPort> tls) throws IOException {
        super(Files.createDirectories(dir), componentDomain, componentSecret, c2sPort, componentPort, tls);
        this.node = "ejabberd" + componentPort + "@localhost";
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("spool"));
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(conf.resolve("ejabberdctl.cfg"), "ERL_OPTIONS=\"-env ERL_CRASH_DUMP_BYTES 0\"\n");
        Files.writeString(conf.resolve("inetrc"), "{lookup,[\"file\",\"native\"]}.\n{host,{127,0,0,1}, [\"localhost\"]}.\n"
                + "{file, resolv, \"/etc/resolv.conf\"}.\n");
        List<String> yml = new ArrayList<>(List.of(
                "hosts:",
                "  - " + DOMAIN,
                "loglevel: info",
                "certfiles: []",
                "listen:",
                "  -",
                "    port: " + c2sPort,
                "    ip: \"127.0.0.1\"",
                "    module: ejabberd_c2s",
                "    starttls: false"));
        yml.addAll(serviceListener(componentPort));
        if (tls.isPresent()) {
            // The same component on a second listener, over TLS from the first byte. ejabberd wants the
            // certificate and its key in one file, readable by the ejabberd user.
            Path pem = conf.resolve("component-tls.pem");
            Files.writeString(pem, Files.readString(tls.get().certificate()) + Files.readString(tls.get().key()));
            yml.addAll(serviceListener(tls.get().port()));
            yml.addAll(List.of(
                    "    tls: true",
                    "    certfile: \"" + pem + "\""));
        }
        yml.addAll(List.of(
                "auth_method: internal",
                "access_rules:",
                "  c2s:",
                "    allow: all",
                "modules:",
                "  mod_caps: {}",
                "  mod_disco: {}",
                "  mod_offline: {}",
                "  mod_ping: {}",
                "  mod_roster: {}",
                ""));
        Files.writeString(conf.resolve("ejabberd.yml"), String.join("\n", yml), StandardCharsets.UTF_8);
        handToEjabberdUser();
    }

    private List<String> serviceListener(int port) {
        return List.of(
                "  -",
                "    port: " + port,
                "    ip: \"127.0.0.1\"",
                "    module: ejabberd_service",
                "    hosts:",
                "      \"" + componentDomain + "\":",
                "        password: \"" + componentSecret + "\"");
    }

    /** On free ports, as the tests want. */
    public static EjabberdServer start(Path dir, String componentDomain, String componentSecret) {
        return start(dir, componentDomain, componentSecret, Optional.empty());
    }

    /** On free ports, also accepting the component over direct TLS on {@code tls}. */
    public static EjabberdServer start(Path dir, String componentDomain, String componentSecret, DirectTlsPort tls) {
        return start(dir, componentDomain, componentSecret, Optional.of(tls));
    }

    private static EjabberdServer start(Path dir, String componentDomain, String componentSecret,
            Optional<DirectTlsPort> tls) {
        try {
            EjabberdServer server = new EjabberdServer(dir, componentDomain, componentSecret, FreePort.find(),
                    FreePort.find(), tls);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> ctl(String... command) {
        List<String> line = new ArrayList<>(List.of("ejabberdctl", "--config-dir", dir.resolve("conf").toString(),
                "--spool", dir.resolve("spool").toString(), "--logs", dir.resolve("logs").toString(), "--node", node));
        line.addAll(List.of(command));
        return line;
    }

    @Override
    public void start() {
        process = ServerProcess.start("ejabberd", ctl("foreground"), Map.of(), dir.resolve("stdout.log"));
        awaitListening(Duration.ofSeconds(60), "ejabberd");
    }

    @Override
    public void stop() {
        if (process != null) {
            ServerProcess.run(ctl("stop"), dir.resolve("ejabberdctl.log"), Duration.ofSeconds(30));
            process.stop();
            process = null;
        }
    }

    @Override
    public void register(String user, String password) {
        Path log = dir.resolve("ejabberdctl.log");
        if (!ServerProcess.run(ctl("register", user, DOMAIN, password), log, Duration.ofSeconds(30))
                && !ServerProcess.run(ctl("change_password", user, DOMAIN, password), log, Duration.ofSeconds(30))) {
            throw new IllegalStateException("ejabberdctl register " + user + " failed; see " + log);
        }
    }

    private void handToEjabberdUser() throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return;
        }
        UserPrincipal ejabberd = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("ejabberd");
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.toList()) {
                Files.setOwner(path, ejabberd);
            }
        }
    }
}
