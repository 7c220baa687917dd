package org.smsoverxmpp.webhook.logging;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Where the function's lines go: standard output, which Lambda sends to CloudWatch, one line per call. */
public final class StandardOutput {
    private StandardOutput() {
    }

    /** {@code line} and a newline as UTF-8 bytes in one write, whatever the stream's own charset. */
    public static void writeLine(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        // Looked up on every line: Lambda's runtime replaces System.out before the function starts.
        PrintStream out = System.out;
        out.write(bytes, 0, bytes.length);
        out.flush();
    }
}
