package org.smsoverxmpp.bridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void textWithinTheLimitIsOnePart() {
        assertThat(SmsSegments.split("x".repeat(1600), 1600)).hasSize(1);
    }

    @Test
    void longerTextIsSplitInOrder() {
        String text = "a".repeat(1600) + "b".repeat(1600) + "c";

        assertThat(SmsSegments.split(text, 1600)).containsExactly("a".repeat(1600), "b".repeat(1600), "c");
    }

    @Test
    void anEmojiAcrossTheBoundaryStaysWhole() {
        String text = "x".repeat(1599) + "😀" + "y";

        List<String> parts = SmsSegments.split(text, 1600);

        assertThat(parts).containsExactly("x".repeat(1599), "😀y");
        assertThat(String.join("", parts)).isEqualTo(text);
    }
}
