package org.smsoverxmpp.e2e.harness;

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
        int port = FreePort.find();
        ServerProcess process = ServerProcess.start("moto_server",
                List.of("moto_server", "-H", "127.0.0.1", "-p", Integer.toString(port)),
                Map.of(), workDir.resolve("moto.log"));
        FreePort.awaitListening(port, Duration.ofSeconds(30), process.process(), "moto_server");
        return new MotoServer(URI.create("http://127.0.0.1:" + port), process);
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
