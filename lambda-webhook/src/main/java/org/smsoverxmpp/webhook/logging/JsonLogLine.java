package org.smsoverxmpp.webhook.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;

/**
 * One log event as one line of JSON, the shape Lambda's JSON log format reads from standard output: an RFC 3339
 * {@code timestamp} and a {@code level} (which its log-level filtering uses), then {@code logger},
 * {@code message}, the invocation's context (its request id), and an error's stack trace. A stack trace stays
 * inside the line, so CloudWatch keeps each event whole.
 *
 * <p>Whatever a message holds (a library's text, control characters, a lone surrogate) the line stays valid
 * JSON and decodes to exactly that text: this is the one place log text becomes bytes.
 */
final class JsonLogLine {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonLogLine() {
    }

    static String render(Instant time, String level, String logger, String message, Map<String, String> context,
            Throwable error) {
        StringBuilder line = new StringBuilder(128 + message.length());
        line.append("{\"timestamp\":\"").append(time).append("\",\"level\":\"").append(level).append('"');
        field(line, "logger", logger);
        field(line, "message", message);
        if (context != null) {
            context.forEach((name, value) -> field(line, name, value));
        }
        if (error != null) {
            field(line, "error", String.valueOf(error));
            field(line, "stackTrace", stackTrace(error));
        }
        return line.append('}').toString();
    }

    private static void field(StringBuilder line, String name, String value) {
        line.append(',');
        string(line, name);
        line.append(':');
        string(line, value == null ? "" : value);
    }

    /** A JSON string: quotes, backslashes, controls and lone surrogates escaped; other text as it is. */
    static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || isLoneSurrogate(text, i)) {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** UTF-8 cannot carry half of a surrogate pair; escaped, it survives the trip. */
    private static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }

    private static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
