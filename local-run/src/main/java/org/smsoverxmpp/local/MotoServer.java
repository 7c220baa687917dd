package org.smsoverxmpp.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS API emulator: moto_server on a free loopback port, or the LocalStack (or other emulator) that
 * AWS_ENDPOINT_URL points at, which runs the same tests against it.
 */
public final class MotoServer implements AutoCloseable {
    private final URI endpoint;
    private final ServerProcess process;

    private MotoServer(URI endpoint, ServerProcess process) {
        this.endpoint = endpoint;
        this.process = process;
    }

    public static MotoServer start(Path workDir) {
        Optional<String> external = Optional.ofNullable(System.getenv("AWS_ENDPOINT_URL")).filter(s -> !s.isBlank());
        if (external.isPresent()) {
            return new MotoServer(URI.create(external.get()), null);
        }
        return start(workDir, FreePort.find());
    }

    /** moto_server on the given port, whatever AWS_ENDPOINT_URL says. */
    public static MotoServer start(Path workDir, int port) {
        ServerProcess process = ServerProcess.start("moto_server",
                List.of("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port)),
                Map.of(), workDir.resolve("moto.log"));
        FreePort.awaitListening(port, Duration.ofSeconds(30), process.process(), "moto_server");
        return new MotoServer(URI.create("http://127.0.0.1:" + port), process);
    }

    public Optional<Long> pid() {
        return Optional.ofNullable(process).map(p -> p.process().pid());
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop();
        }
    }
}
