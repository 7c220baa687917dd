package org.smsoverxmpp.webhook.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The function's SLF4J binding: structured JSON lines ({@link JsonLogger}) at the {@link LogLevels} the
 * environment asks for. It replaces Log4j2 and Powertools' JSON layout, whose start-up was the largest part of
 * a cold start, with a few classes. Registered only in the deployment package, so the local run and the tests
 * that put the webhook beside the bridge keep the bridge's Log4j.
 */
public final class JsonLogging implements SLF4JServiceProvider {
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter context = new BasicMDCAdapter();
    private volatile ILoggerFactory loggers;

    @Override
    public void initialize() {
        LogLevels levels = LogLevels.fromEnvironment();
        ConcurrentMap<String, Logger> made = new ConcurrentHashMap<>();
        loggers = name -> made.computeIfAbsent(name, n -> new JsonLogger(n, levels.threshold(n)));
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return context;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }
}
