package org.smsoverxmpp.webhook.logging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger that writes each event as a {@link JsonLogLine} to standard output, which Lambda sends to
 * CloudWatch. The line is written as UTF-8 bytes in one call, whatever the stream's own charset.
 */
final class JsonLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    private final int threshold;

    JsonLogger(String name, int threshold) {
        this.name = name;
        this.threshold = threshold;
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold;
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
            Throwable error) {
        String message = MessageFormatter.basicArrayFormat(pattern, arguments);
        StandardOutput.writeLine(JsonLogLine.render(Instant.now().truncatedTo(ChronoUnit.MILLIS), level.name(), name,
                message == null ? "" : message, MDC.getCopyOfContextMap(), error));
    }
}
