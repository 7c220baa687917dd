package org.smsoverxmpp.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One way of starting the deployed package for row 1, measured against a floor started the same way: the
 * runtime, whether the package is laid out for a class-data archive (its jar in {@code lib/}), whether an
 * archive of one webhook run is written first and mapped, and whether the jars are on the JVM's own class path,
 * which Lambda's runtime never does (only an exec wrapper rewriting its command line could).
 *
 * @param archive the JDK's archive: an AOT cache on java25, AppCDS on java21
 */
record ColdStartVariant(String label, String runtime, boolean jarInLib, boolean archive, boolean functionOnClassPath) {
    static final ColdStartVariant DEPLOYED = new ColdStartVariant("as deployed", ColdStart.RUNTIME, false, false, false);
    /** What else was measured: the other runtime, and what an archive does with and without the JVM's class path. */
    static final List<ColdStartVariant> OTHERS = List.of(
            new ColdStartVariant("java25", "java25", false, false, false),
            new ColdStartVariant("java25 with an AOT cache, jar in lib/, loaded as Lambda loads it", "java25", true, true, false),
            new ColdStartVariant("java21 with AppCDS, jar in lib/ and on the JVM's class path", "java21", true, true, true),
            new ColdStartVariant("java25 with an AOT cache, jar in lib/ and on the JVM's class path", "java25", true, true, true));

    /** The layout, the JVM and, for an archive, one training run of the webhook that writes it. */
    ColdStart prepare(Path deploymentPackage, Map<String, String> environment, Path work) throws Exception {
        Path directory = Files.createTempDirectory(work, "lambda");
        LambdaLayout layout = jarInLib ? LambdaLayout.inLib(deploymentPackage, directory)
                : LambdaLayout.of(deploymentPackage, directory);
        if (functionOnClassPath) {
            layout = layout.withFunctionOnClassPath();
        }
        LambdaJvm jvm = LambdaJvm.of(runtime);
        if (!archive) {
            return new ColdStart(layout, jvm, environment, work);
        }
        Path file = layout.taskRoot().resolve("webhook.archive");
        new ColdStart(layout, jvm, withToolOptions(environment, jvm.archiveOptions(file, true)), work).train();
        return new ColdStart(layout, jvm, withToolOptions(environment, jvm.archiveOptions(file, false)), work);
    }

    /** The function's JAVA_TOOL_OPTIONS, as the stack would set them for such a package. */
    private static Map<String, String> withToolOptions(Map<String, String> environment, List<String> options) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("JAVA_TOOL_OPTIONS", String.join(" ", options));
        return env;
    }
}
