package org.smsoverxmpp.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files of one Lambda execution environment, for row 1: the deployment package unpacked as Lambda unpacks
 * it into {@code /var/task} (every entry at its path: a jar's classes loose, a zip's {@code lib/*.jar} as jars),
 * the runtime's own class path, and a layer holding the probe.
 *
 * @param taskRoot   {@code /var/task}
 * @param layerRoot  {@code /opt}: the probe in {@code java/lib/}, where Lambda puts a layer's jars
 * @param runtime    the JVM's class path: the runtime stand-in and aws-lambda-java-core, as jars
 */
record LambdaLayout(Path taskRoot, Path layerRoot, List<Path> runtime) {
    /** The benchmark's own classes the probe layer and the runtime jar are made of. */
    private static final List<Class<?>> PROBE = List.of(ColdStartProbe.class, ColdStartProbe.Hello.class,
            ColdStartProbe.InvocationContext.class, SignedWebhooks.class, SignedWebhooks.SignedForm.class);

    static LambdaLayout of(Path deploymentPackage, Path directory) throws IOException {
        Path taskRoot = Files.createDirectories(directory.resolve("task"));
        unpack(deploymentPackage, taskRoot);
        return around(taskRoot, directory);
    }

    /**
     * The same package as a zip whose {@code lib/} holds it, unpacked: classes only in a jar, which is what a
     * class-data or AOT archive can hold.
     */
    static LambdaLayout inLib(Path deploymentPackage, Path directory) throws IOException {
        Path taskRoot = Files.createDirectories(directory.resolve("task"));
        Files.copy(deploymentPackage, Files.createDirectories(taskRoot.resolve("lib")).resolve(deploymentPackage.getFileName()));
        return around(taskRoot, directory);
    }

    /** The function's {@code lib/} jars on the JVM's own class path too, as only an exec wrapper could put them. */
    LambdaLayout withFunctionOnClassPath() throws IOException {
        List<Path> classPath = new java.util.ArrayList<>(runtime);
        try (java.util.stream.Stream<Path> jars = Files.list(taskRoot.resolve("lib"))) {
            jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().forEach(classPath::add);
        }
        return new LambdaLayout(taskRoot, layerRoot, List.copyOf(classPath));
    }

    private static LambdaLayout around(Path taskRoot, Path directory) throws IOException {
        Path layerRoot = directory.resolve("opt");
        jar(Files.createDirectories(layerRoot.resolve("java/lib")).resolve("probe.jar"), PROBE);
        Path standIn = jar(Files.createDirectories(directory.resolve("runtime")).resolve("runtime.jar"),
                List.of(LambdaRuntimeStandIn.class));
        return new LambdaLayout(taskRoot, layerRoot, List.of(standIn, jarOf(RequestHandler.class)));
    }

    String classPath() {
        return String.join(":", runtime.stream().map(Path::toString).toList());
    }

    private static void unpack(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the package: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
    }

    /** A jar of the given classes (and their nested classes' files are listed explicitly by the caller). */
    private static Path jar(Path jar, List<Class<?>> classes) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Class<?> type : classes) {
                String name = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(name));
                try (InputStream bytes = type.getClassLoader().getResourceAsStream(name)) {
                    bytes.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
