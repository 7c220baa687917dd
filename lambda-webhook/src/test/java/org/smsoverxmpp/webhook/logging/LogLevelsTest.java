package org.smsoverxmpp.webhook.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class LogLevelsTest {

    @Test
    void ourCodeLogsFromInfoAndLibrariesFromWarnByDefault() {
        LogLevels levels = LogLevels.from(Map.of());

        assertThat(levels.threshold("org.smsoverxmpp.webhook.WebhookService")).isEqualTo(Level.INFO.toInt());
        assertThat(levels.threshold("software.amazon.awssdk.request")).isEqualTo(Level.WARN.toInt());
        assertThat(levels.threshold("org.smsoverxmppx.Other")).isEqualTo(Level.WARN.toInt());
    }

    @Test
    void logLevelSetsOurCodesLevelOnly() {
        LogLevels levels = LogLevels.from(Map.of("LOG_LEVEL", " debug "));

        assertThat(levels.threshold("org.smsoverxmpp.webhook.WebhookService")).isEqualTo(Level.DEBUG.toInt());
        assertThat(levels.threshold("software.amazon.awssdk.request")).isEqualTo(Level.WARN.toInt());
    }

    @Test
    void aLevelThatIsNoLevelCountsAsInfoRatherThanSilence() {
        assertThat(LogLevels.from(Map.of("LOG_LEVEL", "verbose")).threshold("org.smsoverxmpp.x")).isEqualTo(Level.INFO.toInt());
        assertThat(LogLevels.from(Map.of("LOG_LEVEL", "WARNING")).threshold("org.smsoverxmpp.x")).isEqualTo(Level.WARN.toInt());
    }

    @Test
    void offSilencesOurCodeButNotTheLibrariesWarnings() {
        LogLevels levels = LogLevels.from(Map.of("LOG_LEVEL", "OFF"));

        assertThat(levels.threshold("org.smsoverxmpp.x")).isGreaterThan(Level.ERROR.toInt());
        assertThat(levels.threshold("software.amazon.awssdk.request")).isEqualTo(Level.WARN.toInt());
    }
}
