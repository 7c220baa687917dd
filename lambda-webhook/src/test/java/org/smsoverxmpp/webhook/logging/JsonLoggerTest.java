package org.smsoverxmpp.webhook.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

class JsonLoggerTest {

    @Test
    void theFunctionLogsThroughThisBinding() {
        assertThat(LoggerFactory.getLogger("org.smsoverxmpp.webhook.X")).isInstanceOf(JsonLogger.class);
    }

    @Test
    void eventsBelowTheThresholdAreNotWritten() {
        Logger logger = new JsonLogger("org.smsoverxmpp.x", Level.INFO.toInt());
        try (CapturedLines output = new CapturedLines()) {
            logger.debug("not this");
            logger.info("this");

            assertThat(output.events()).extracting(event -> event.path("message").asText()).containsExactly("this");
        }
        assertThat(logger.isDebugEnabled()).isFalse();
        assertThat(logger.isInfoEnabled()).isTrue();
    }

    @Test
    void argumentsAreFormattedAndAThrowableLastBecomesTheError() {
        Logger logger = new JsonLogger("org.smsoverxmpp.x", Level.INFO.toInt());
        try (CapturedLines output = new CapturedLines()) {
            logger.warn("rejected {} {}", "POST", 403, new IllegalStateException("bad"));

            JsonNode event = output.events().get(0);
            assertThat(event.path("level").asText()).isEqualTo("WARN");
            assertThat(event.path("message").asText()).isEqualTo("rejected POST 403");
            assertThat(event.path("error").asText()).isEqualTo("java.lang.IllegalStateException: bad");
        }
    }

    @Test
    void theInvocationsContextIsOnEveryLineWhileItIsSet() {
        Logger logger = LoggerFactory.getLogger("org.smsoverxmpp.webhook.Y");
        try (CapturedLines output = new CapturedLines()) {
            try (MDC.MDCCloseable id = MDC.putCloseable("requestId", "req-7")) {
                logger.info("inside");
            }
            logger.info("after");

            List<JsonNode> events = output.events();
            assertThat(events.get(0).path("requestId").asText()).isEqualTo("req-7");
            assertThat(events.get(1).has("requestId")).isFalse();
        }
    }

    @Test
    void textIsWrittenAsUtf8WhateverTheStreamsCharset() {
        Logger logger = new JsonLogger("org.smsoverxmpp.x", Level.INFO.toInt());
        try (CapturedLines output = new CapturedLines()) {
            logger.info("from …4321 👋 é");

            assertThat(output.events().get(0).path("message").asText()).isEqualTo("from …4321 👋 é");
        }
    }
}
