package org.smsoverxmpp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JVM a Lambda Java runtime starts, with the options it passes on the command line for an on-demand
 * function (no SnapStart, no provisioned concurrency): a heap of 85 % of the memory, the serial collector,
 * class-data sharing, the client compiler only, and the runtime's {@code --add-opens}. The function's own
 * {@code JAVA_TOOL_OPTIONS} come from its environment, as in Lambda. Not reproduced: java21's Log4Shell agent,
 * which the stack turns off, and the runtime interface client's own start-up, the same for every function.
 *
 * @param runtime Lambda's name for the runtime, e.g. {@code java21}
 * @param java    the {@code java} launcher of the closest JDK on this machine
 */
record LambdaJvm(String runtime, Path java) {
    static final int MEMORY_MB = 1024;

    /**
     * The JDK for {@code runtime} ({@code java21}, {@code java25}) among /usr/lib/jvm, or the benchmark's own
     * JVM when none of that version is installed; {@link #version()} says which was used.
     */
    static LambdaJvm of(String runtime) throws IOException {
        String feature = runtime.replace("java", "");
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> installed = Files.list(jvms)) {
                for (Path home : installed.sorted().toList()) {
                    Path java = home.resolve("bin/java");
                    if (home.getFileName().toString().matches(".*-" + feature + "(\\D.*)?") && Files.isExecutable(java)) {
                        return new LambdaJvm(runtime, java);
                    }
                }
            }
        }
        return new LambdaJvm(runtime, ProcessTimer.java());
    }

    List<String> command(LambdaLayout layout, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(java.toString(),
                // The function's memory is all the machine Lambda's JVM sees: its initial heap, and so its
                // collections during start-up, follow from it (here they would follow from this machine's RAM).
                "-XX:MaxRAM=" + MEMORY_MB + "m",
                "-XX:MaxHeapSize=" + MEMORY_MB * 1024 * 85 / 100 + "k", "-XX:+UseSerialGC"));
        if (runtime.equals("java21")) {
            // java21 maps the runtime's class-data archive (-Xshare:on); this JDK's own default archive stands in.
            // java25 maps an AOT cache of the runtime instead, which -Xshare would refuse; the JDK's default applies.
            command.add("-Xshare:auto");
        }
        command.addAll(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                "--add-opens=java.base/java.io=ALL-UNNAMED", "-Djava.net.preferIPv4Stack=true", "-XX:+ErrorFileToStderr",
                "-classpath", layout.classPath(), LambdaRuntimeStandIn.class.getName(),
                layout.taskRoot().toString(), layout.layerRoot().toString(), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The options that write a class-data archive of what one run loads, {@code archive}, and those that map
     * it: an AOT cache from JDK 25 on (JEP 483, 514, 515), a dynamic AppCDS archive before.
     */
    List<String> archiveOptions(Path archive, boolean writing) {
        if (runtime.equals("java21")) {
            return List.of((writing ? "-XX:ArchiveClassesAtExit=" : "-XX:SharedArchiveFile=") + archive);
        }
        return List.of((writing ? "-XX:AOTCacheOutput=" : "-XX:AOTCache=") + archive);
    }

    /** The first line of {@code java -version}: the JVM actually measured. */
    String version() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
        String first = new String(process.getInputStream().readAllBytes()).lines().findFirst().orElse("?");
        process.waitFor();
        return first;
    }
}
