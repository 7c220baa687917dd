package org.smsoverxmpp.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Context {@code providers} and {@code defaultProvider}: each mistake is named at synth, with the way to fix it. */
class DeployedProvidersTest {

    /** The problems {@code context} gives; {@code read} gets what was read. */
    private static List<String> problems(Map<String, String> context, List<DeployedProviders> read) {
        List<String> problems = new ArrayList<>();
        read.add(DeployedProviders.from(new HashMap<>(context)::get, problems));
        return problems;
    }

    private static DeployedProviders read(Map<String, String> context) {
        List<DeployedProviders> read = new ArrayList<>();
        assertThat(problems(context, read)).isEmpty();
        return read.get(0);
    }

    @Test
    void unsetIsTwilioAloneAsBeforeProvidersWereAChoice() {
        assertThat(read(Map.of())).isEqualTo(DeployedProviders.TWILIO_ONLY);
        assertThat(read(Map.of("providers", "  "))).isEqualTo(DeployedProviders.TWILIO_ONLY);
        assertThat(read(Map.of()).alone()).contains(Provider.TWILIO);
    }

    @Test
    void providersAreReadInTheOrderGivenAndTheFirstIsTheDefault() {
        DeployedProviders read = read(Map.of("providers", " SignalWire, twilio ,TELNYX"));

        assertThat(read.list()).containsExactly(Provider.SIGNALWIRE, Provider.TWILIO, Provider.TELNYX);
        assertThat(read.byDefault()).isEqualTo(Provider.SIGNALWIRE);
        assertThat(read.alone()).isEmpty();
        assertThat(read.titles()).isEqualTo("SignalWire, Twilio and Telnyx");
    }

    @Test
    void defaultProviderChoosesAmongThoseDeployed() {
        assertThat(read(Map.of("providers", "twilio,telnyx", "defaultProvider", "Telnyx")).byDefault())
                .isEqualTo(Provider.TELNYX);
        assertThat(read(Map.of("providers", "telnyx")).byDefault()).isEqualTo(Provider.TELNYX);
    }

    @Test
    void anUnknownProviderIsNamedWithTheKnownOnes() {
        assertThat(problems(Map.of("providers", "twilio,vonage"), new ArrayList<>())).singleElement().asString()
                .contains("'vonage' is no provider the gateway knows")
                .contains("-c providers=twilio,telnyx").contains("known: twilio, telnyx, signalwire");
    }

    @Test
    void aProviderNamedTwiceOrAnEmptyNameIsAProblem() {
        assertThat(problems(Map.of("providers", "telnyx,Telnyx"), new ArrayList<>())).singleElement().asString()
                .contains("'telnyx' is named twice").contains("-c providers=");
        assertThat(problems(Map.of("providers", "twilio,,telnyx"), new ArrayList<>())).singleElement().asString()
                .contains("has an empty name").contains("-c providers=");
    }

    @Test
    void aDefaultThatIsNotDeployedIsAProblemThatSaysWhichAre() {
        assertThat(problems(Map.of("providers", "twilio,signalwire", "defaultProvider", "telnyx"), new ArrayList<>()))
                .singleElement().asString()
                .contains("defaultProvider 'telnyx' must be one of the providers deployed (twilio, signalwire)")
                .contains("-c defaultProvider=twilio");
        // Unset providers is Twilio alone, so another default needs providers too.
        assertThat(problems(Map.of("defaultProvider", "signalwire"), new ArrayList<>())).singleElement().asString()
                .contains("must be one of the providers deployed (twilio)");
        assertThat(problems(Map.of("defaultProvider", "nexmo"), new ArrayList<>())).singleElement().asString()
                .contains("defaultProvider 'nexmo'");
    }

    @Test
    void theSynthStopsOnEveryProblemAtOnce() {
        assertThatThrownBy(() -> Synth.of(Map.of("providers", "twilio,twilio,sinch", "defaultProvider", "telnyx")))
                .hasMessageContaining("cannot synthesize the gateway")
                .hasMessageContaining("'twilio' is named twice").hasMessageContaining("'sinch' is no provider")
                .hasMessageContaining("defaultProvider 'telnyx'");
    }
}
