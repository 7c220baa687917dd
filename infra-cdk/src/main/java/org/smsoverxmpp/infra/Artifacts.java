package org.smsoverxmpp.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The deployment artifacts the Maven reactor built; assets are never committed. */
final class Artifacts {
    private Artifacts() {
    }

    static Path lambdaJar(Path root) {
        return find(root.resolve("lambda-webhook/target"), "-lambda.jar");
    }

    /** The directory the bridge image is built from (its Dockerfile copies the runnable jar). */
    static Path bridgeImageDirectory(Path root) {
        find(root.resolve("ecs-xmpp-bridge/target"), "-all.jar");
        return root.resolve("ecs-xmpp-bridge");
    }

    private static Path find(Path directory, String suffix) {
        List<Path> found;
        try (Stream<Path> files = Files.exists(directory) ? Files.list(directory) : Stream.empty()) {
            found = files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found.size() != 1) {
            throw new IllegalStateException("expected one *" + suffix + " in " + directory + ", found " + found.size()
                    + ": build first with `mvn -B -DskipTests package`");
        }
        return found.get(0);
    }
}
