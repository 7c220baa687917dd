package org.smsoverxmpp.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smsoverxmpp.bridge.xmpp.TestCertificates;
import org.smsoverxmpp.bridge.xmpp.TestCertificates.Issued;
import org.smsoverxmpp.bridge.xmpp.Transport;

/** XMPP_TLS and its companions: verified direct TLS unless cleartext is asked for, and cleartext only on loopback. */
class XmppTransportConfigTest {
    private static Issued ca;
    private static Issued otherCa;

    @BeforeAll
    static void issue() throws Exception {
        ca = TestCertificates.ca("Private CA");
        otherCa = TestCertificates.ca("Other CA");
    }

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = BridgeConfigTest.minimal();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static Transport transport(Map<String, String> env) {
        return BridgeConfig.from(env).xmpp().transport();
    }

    private static Transport.DirectTls directTls(Map<String, String> env) {
        assertThat(transport(env)).isInstanceOf(Transport.DirectTls.class);
        return (Transport.DirectTls) transport(env);
    }

    @Test
    void withoutXmppTlsTheLinkIsDirectTlsVerifyingTheHostsName() {
        Transport.DirectTls tls = directTls(env());

        assertThat(tls.serverName()).isEqualTo(BridgeConfigTest.minimal().get("XMPP_HOST"));
        assertThat(tls.extraCas()).isEmpty();
        assertThat(directTls(env("XMPP_TLS", "direct"))).isEqualTo(tls);
    }

    @Test
    void theNameToVerifyMayDifferFromTheHost() {
        Transport.DirectTls tls = directTls(env("XMPP_HOST", "10.0.0.5", "XMPP_TLS_SERVER_NAME", "sms.example.com"));

        assertThat(tls.serverName()).isEqualTo("sms.example.com");
        assertThat(tls.sni()).hasValueSatisfying(sni -> assertThat(sni.getAsciiName()).isEqualTo("sms.example.com"));
        assertThat(directTls(env("XMPP_HOST", "10.0.0.5")).sni()).as("no SNI for an address").isEmpty();
    }

    @Test
    void aServerNameNoCertificateCouldCarryIsRefused() {
        assertThatThrownBy(() -> BridgeConfig.from(env("XMPP_TLS_SERVER_NAME", "sms_example..com")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("XMPP_TLS_SERVER_NAME")
                .hasMessageContaining("sms_example..com");
    }

    @Test
    void extraCasComeAsPemTextAsAFileOrBoth(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("ca.pem"), otherCa.pem());

        assertThat(directTls(env("XMPP_TLS_CA_PEM", ca.pem())).extraCas()).containsExactly(ca.certificate());
        assertThat(directTls(env("XMPP_TLS_CA_FILE", file.toString())).extraCas()).containsExactly(otherCa.certificate());
        assertThat(directTls(env("XMPP_TLS_CA_PEM", ca.pem(), "XMPP_TLS_CA_FILE", file.toString())).extraCas())
                .containsExactlyInAnyOrder(ca.certificate(), otherCa.certificate());
    }

    @Test
    void aCaBundleThatDoesNotParseIsAConfigurationErrorThatDoesNotQuoteIt(@TempDir Path dir) throws Exception {
        String garbage = "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n";
        Path file = Files.writeString(dir.resolve("ca.pem"), garbage);

        assertThatThrownBy(() -> BridgeConfig.from(env("XMPP_TLS_CA_PEM", garbage, "XMPP_TLS_CA_FILE", file.toString())))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("XMPP_TLS_CA_PEM must hold PEM CA certificates"))
                        .anySatisfy(p -> assertThat(p).startsWith("XMPP_TLS_CA_FILE must hold PEM CA certificates")))
                .hasMessageNotContaining("bm90IGEg");
    }

    @Test
    void aCaFileThatCannotBeReadIsNamed(@TempDir Path dir) {
        String missing = dir.resolve("nowhere.pem").toString();

        assertThatThrownBy(() -> BridgeConfig.from(env("XMPP_TLS_CA_FILE", missing)))
                .hasMessageContaining("XMPP_TLS_CA_FILE cannot be read (" + missing + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.3.2.1", "::1", "[::1]", "0:0:0:0:0:0:0:1", "localhost", "LocalHost"})
    void cleartextIsAllowedWhenAskedForByNameToALoopbackHost(String host) {
        assertThat(transport(env("XMPP_TLS", "none", "XMPP_HOST", host))).isInstanceOf(Transport.Cleartext.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.1", "10.0.0.1", "128.0.0.1", "127.0.0.1.example.com", "localhost.example.com",
            "xmpp.example.com", "::2", "327.0.0.1"})
    void cleartextToAnyOtherHostRefusesToStart(String host) {
        assertThatThrownBy(() -> BridgeConfig.from(env("XMPP_TLS", "none", "XMPP_HOST", host)))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p).contains("XMPP_TLS=none", host, "loopback", "XMPP_TLS=direct")));
    }

    @Test
    void onlyDirectAndNoneAreModes() {
        assertThatThrownBy(() -> BridgeConfig.from(env("XMPP_TLS", "starttls")))
                .hasMessageContaining("XMPP_TLS must be direct or none (got 'starttls')");
        assertThat(transport(env("XMPP_TLS", "NONE", "XMPP_HOST", "127.0.0.1"))).isInstanceOf(Transport.Cleartext.class);
    }

    @Test
    void theOldVariableSaysWhatReplacedIt() {
        for (String value : new String[] {"true", "false"}) {
            assertThatThrownBy(() -> BridgeConfig.from(env("XMPP_DIRECT_TLS", value)))
                    .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                            .satisfies(p -> assertThat(p).contains("XMPP_DIRECT_TLS", "use XMPP_TLS instead")));
        }
    }

    @Test
    void tlsSettingsWithCleartextAreRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> BridgeConfig.from(env("XMPP_TLS", "none", "XMPP_HOST", "127.0.0.1",
                "XMPP_TLS_SERVER_NAME", "xmpp.example.com", "XMPP_TLS_CA_PEM", ca.pem())))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(2)
                        .allSatisfy(p -> assertThat(p).contains("has no effect with XMPP_TLS=none")));
    }

    @Test
    void theSettingsShowTheTransportButNeitherSecretNorCertificate() {
        String shown = BridgeConfig.from(env("XMPP_TLS_CA_PEM", ca.pem())).xmpp().toString();

        assertThat(shown).contains("direct TLS verifying " + BridgeConfigTest.minimal().get("XMPP_HOST"), "1 CA(s)")
                .doesNotContain(BridgeConfigTest.minimal().get("COMPONENT_SECRET")).doesNotContain("BEGIN");
    }
}
