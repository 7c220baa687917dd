package org.smsoverxmpp.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Which AWS emulator bin/run uses: what the user asked for first, then what answers; always said why. */
class EmulatorChoiceTest {
    static final BooleanSupplier LOCALSTACK_ANSWERS = () -> true;
    static final BooleanSupplier NOTHING_ANSWERS = () -> false;
    static final BooleanSupplier NEVER_ASKED = () -> {
        throw new AssertionError("LocalStack was probed though the choice did not depend on it");
    };

    static EmulatorChoice.Choice choose(Map<String, String> env, BooleanSupplier localStack) {
        return EmulatorChoice.choose(Optional.ofNullable(env.get("AWS_ENDPOINT_URL")), EmulatorChoice.asked(env), localStack);
    }

    @Test
    void motoPortSetMeansMotoEvenWhenLocalStackAnswers() {
        assertThat(choose(Map.of("MOTO_PORT", "5001"), NEVER_ASKED)).isInstanceOf(EmulatorChoice.Choice.StartMoto.class)
                .extracting(EmulatorChoice.Choice::why).asString().contains("MOTO_PORT");
    }

    @Test
    void theUserCanForceEitherEmulator() {
        assertThat(choose(Map.of("AWS_EMULATOR", "moto"), NEVER_ASKED)).isInstanceOf(EmulatorChoice.Choice.StartMoto.class);
        assertThat(choose(Map.of("AWS_EMULATOR", "localstack", "MOTO_PORT", "5001"), LOCALSTACK_ANSWERS))
                .isInstanceOf(EmulatorChoice.Choice.LocalStack.class);
    }

    @Test
    void forcingLocalStackWhenNoneAnswersIsAnErrorThatSaysHowToStartOne() {
        assertThatThrownBy(() -> choose(Map.of("AWS_EMULATOR", "localstack"), NOTHING_ANSWERS))
                .isInstanceOf(LocalRunException.class).hasMessageContaining("no LocalStack answers");
    }

    @Test
    void withNothingAskedLocalStackIsUsedIfItAnswersAndTheWayToRefuseItIsSaid() {
        EmulatorChoice.Choice found = choose(Map.of(), LOCALSTACK_ANSWERS);
        assertThat(found).isInstanceOf(EmulatorChoice.Choice.LocalStack.class);
        assertThat(found.why()).contains("AWS_EMULATOR=moto");
        assertThat(choose(Map.of(), NOTHING_ANSWERS)).isInstanceOf(EmulatorChoice.Choice.StartMoto.class);
    }

    @Test
    void anEndpointGivenIsUsedAsItIs() {
        EmulatorChoice.Choice given = choose(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4999", "AWS_EMULATOR", "moto"),
                NEVER_ASKED);
        assertThat(given).isEqualTo(new EmulatorChoice.Choice.Given(java.net.URI.create("http://127.0.0.1:4999"),
                given.why()));
    }

    @Test
    void anUnknownEmulatorNameIsRefusedWithTheChoices() {
        assertThatThrownBy(() -> EmulatorChoice.asked(Map.of("AWS_EMULATOR", "minio")))
                .hasMessageContaining("moto or localstack");
    }
}
