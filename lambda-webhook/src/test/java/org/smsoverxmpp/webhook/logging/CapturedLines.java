package org.smsoverxmpp.webhook.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What the function writes to standard output, which Lambda sends to CloudWatch, while this is open. */
public final class CapturedLines implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream original = System.out;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    public CapturedLines() {
        // Not UTF-8: the logger must write UTF-8 whatever the stream's charset.
        System.setOut(new PrintStream(bytes, true, StandardCharsets.ISO_8859_1));
    }

    /** Each line as written, decoded as UTF-8. */
    public List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Each line parsed; a line that is not one JSON object fails the test. */
    public List<JsonNode> events() {
        return lines().stream().map(CapturedLines::parse).toList();
    }

    static JsonNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (!node.isObject()) {
                throw new AssertionError("not a JSON object: " + line);
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + line, e);
        }
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
