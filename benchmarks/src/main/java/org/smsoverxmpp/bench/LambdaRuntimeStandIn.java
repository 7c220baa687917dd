package org.smsoverxmpp.bench;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What Lambda's Java runtime does before it calls a handler, for row 1: the JVM's own class path holds only
 * the runtime (this class and aws-lambda-java-core), and the function's code is loaded by a separate class
 * loader over the unpacked package, as the runtime interface client's {@code CustomerClassLoader} builds it:
 * the task root itself, then {@code lib/*.jar} and the layers' {@code java/lib/*.jar}, each in name order. That
 * loader decides what a class-data archive can hold, so the measurement must load the code the same way.
 *
 * <p>Arguments: the task root, the layer root, then the class to run inside the function's loader and its
 * arguments.
 */
public final class LambdaRuntimeStandIn {
    private LambdaRuntimeStandIn() {
    }

    public static void main(String[] args) throws Exception {
        URLClassLoader function = new URLClassLoader(urls(new File(args[0]), new File(args[1])),
                ClassLoader.getSystemClassLoader());
        Thread.currentThread().setContextClassLoader(function);
        Class.forName(args[2], true, function).getMethod("main", String[].class)
                .invoke(null, (Object) Arrays.copyOfRange(args, 3, args.length));
    }

    static URL[] urls(File taskRoot, File layerRoot) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(new URL("file", null, -1, taskRoot.getPath() + "/"));
        jars(new File(taskRoot, "lib"), urls);
        jars(new File(layerRoot, "java/lib"), urls);
        return urls.toArray(URL[]::new);
    }

    private static void jars(File directory, List<URL> urls) throws Exception {
        String[] names = directory.list((dir, name) -> name.endsWith(".jar"));
        if (names == null) {
            return;
        }
        Arrays.sort(names);
        for (String name : names) {
            urls.add(new URL("file", null, -1, directory.getPath() + "/" + name));
        }
    }
}
