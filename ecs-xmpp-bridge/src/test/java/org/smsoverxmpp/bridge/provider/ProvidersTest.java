package org.smsoverxmpp.bridge.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.mapping.Mapping;

class ProvidersTest {
    private final RecordingProvider twilio = new RecordingProvider("twilio");
    private final RecordingProvider telnyx = new RecordingProvider("telnyx");
    private final Providers providers = new Providers(List.of(twilio, telnyx), "twilio");

    private static Mapping mapping(Optional<String> provider) {
        return new Mapping(JidCreate.entityBareFromOrThrowUnchecked("alice@example.com"), new PhoneNumber("+15550001111"), provider);
    }

    @Test
    void aMappingSendsThroughTheProviderItNamesOrTheDefault() {
        assertThat(providers.forMapping(mapping(Optional.empty()))).containsSame(twilio);
        assertThat(providers.forMapping(mapping(Optional.of("telnyx")))).containsSame(telnyx);
        assertThat(providers.forMapping(mapping(Optional.of("vonage")))).isEmpty();
    }

    @Test
    void anEventFromAProviderThisBridgeLacksStillHasItsErrorToldAndNoCredentials() {
        assertThat(providers.describeDeliveryError("vonage", "15", "Illegal Sender Address")).isEqualTo("error 15: Illegal Sender Address");
        assertThat(providers.describeDeliveryError("vonage", null, null)).isEqualTo("no error code from the carrier");
        assertThat(providers.describeDeliveryError("telnyx", "40001", null)).isEqualTo("Telnyx error 40001");
        assertThat(providers.mediaAccess("vonage")).isSameAs(MediaAccess.NONE);
    }

    @Test
    void theDefaultMustBeAmongThem() {
        assertThatThrownBy(() -> new Providers(List.of(twilio), "telnyx")).hasMessageContaining("telnyx");
    }
}
