package org.smsoverxmpp.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The bridge's image builds for either CPU on any machine: no instruction runs inside the image, so building
 * the ARM64 image on an x86 host (or the reverse) needs no QEMU. (No container engine is available to the
 * tests; bin/rehearse-deploy's stand-in for docker checks the same and that the build context holds the jar.)
 */
class BridgeDockerfileTest {
    /** The Dockerfile's instructions, continuation lines joined and comments dropped: "KEYWORD arguments". */
    static List<String> instructions() throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("../ecs-xmpp-bridge/Dockerfile"))) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            boolean continues = trimmed.endsWith("\\");
            current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continues) {
                instructions.add(current.toString().strip());
                current.setLength(0);
            }
        }
        return instructions;
    }

    static String keyword(String instruction) {
        return instruction.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    }

    @Test
    void runsNothingWhileBuilding() throws IOException {
        assertThat(instructions()).isNotEmpty().extracting(BridgeDockerfileTest::keyword)
                .contains("FROM", "COPY", "ENTRYPOINT").doesNotContain("RUN");
    }

    @Test
    void runsAsANumericNonRootUser() throws IOException {
        List<String> users = instructions().stream().filter(i -> keyword(i).equals("USER"))
                .map(i -> i.split("\\s+", 2)[1].strip()).toList();
        // Numeric, so it needs no passwd entry (no adduser); neither uid nor gid 0.
        assertThat(users).singleElement().satisfies(user -> {
            assertThat(user).matches("\\d+(:\\d+)?");
            assertThat(user.split(":")).allSatisfy(id -> assertThat(Integer.parseInt(id)).isPositive());
        });
        List<String> keywords = instructions().stream().map(BridgeDockerfileTest::keyword).toList();
        assertThat(keywords.indexOf("USER")).as("USER comes before the entry point").isLessThan(keywords.indexOf("ENTRYPOINT"));
    }
}
