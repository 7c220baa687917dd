package org.smsoverxmpp.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

/** The bridge's link to the XMPP server is verified TLS unless cleartext is asked for by name. */
class XmppTlsTest {
    static final String CA_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:xmpp/ca-AbC123";

    @Test
    void requiredContextAloneGivesVerifiedDirectTls() {
        Synth synth = Synth.of(Map.of());
        Map<String, Object> env = synth.bridgeEnvironment();
        assertThat(env).containsEntry("XMPP_TLS", "direct").containsEntry("XMPP_PORT", "5347")
                .doesNotContainKeys("XMPP_DIRECT_TLS", "XMPP_TLS_SERVER_NAME");
        assertThat(synth.bridgeSecrets()).doesNotContainKey("XMPP_TLS_CA_PEM");
        assertThat(Annotations.fromStack(synth.stack).findWarning("*", Match.stringLikeRegexp(".*unencrypted.*"))).isEmpty();
    }

    @Test
    void cleartextOnlyWhenAskedForByNameAndThenWarned() {
        Synth synth = Synth.of(Map.of("xmppTls", "none"));
        assertThat(synth.bridgeEnvironment()).containsEntry("XMPP_TLS", "none");
        assertThat(Annotations.fromStack(synth.stack).findWarning("*",
                Match.stringLikeRegexp(".*xmppTls=none.*unencrypted.*"))).hasSize(1);
    }

    @Test
    void theNameToVerifyCanDifferFromTheHost() {
        assertThat(Synth.of(Map.of("xmppTlsServerName", "chat.example.com")).bridgeEnvironment())
                .containsEntry("XMPP_HOST", "xmpp.example.com").containsEntry("XMPP_TLS_SERVER_NAME", "chat.example.com");
    }

    @Test
    void aPrivateCaByNameReachesTheTaskAndOnlyItsExecutionRoleReadsIt() {
        Synth synth = Synth.of(Map.of("xmppTlsCaSecret", "xmpp/ca-pem"));
        Object valueFrom = synth.bridgeSecrets().get("XMPP_TLS_CA_PEM");
        assertThat(String.valueOf(valueFrom)).contains(":secret:xmpp/ca-pem");
        assertThat(caStatements(synth, synth.executionRole())).singleElement().satisfies(s ->
                assertThat(String.valueOf(s.get("Resource"))).contains(":secret:xmpp/ca-pem-??????"));
        assertThat(caStatements(synth, synth.taskRole())).isEmpty();
        assertThat(caStatements(synth, synth.lambdaRole())).isEmpty();
    }

    @Test
    void aPrivateCaByCompleteArnIsReadByExactlyThatArn() {
        Synth synth = Synth.of(Map.of("xmppTlsCaSecret", CA_ARN));
        assertThat(synth.bridgeSecrets().get("XMPP_TLS_CA_PEM")).isEqualTo(CA_ARN);
        assertThat(caStatements(synth, synth.executionRole())).singleElement().satisfies(s -> {
            assertThat(s.get("Resource")).isEqualTo(CA_ARN);
            assertThat(Synth.actions(s)).containsExactlyInAnyOrder("secretsmanager:GetSecretValue",
                    "secretsmanager:DescribeSecret");
        });
    }

    @Test
    void badTlsContextIsNamedWithHowToSetIt() {
        assertThatThrownBy(() -> Synth.of(Map.of("xmppTls", "starttls")))
                .hasMessageContaining("xmppTls must be one of direct, none").hasMessageContaining("'starttls'");
        assertThatThrownBy(() -> Synth.of(Map.of("xmppDirectTls", "true")))
                .hasMessageContaining("xmppDirectTls is gone").hasMessageContaining("-c xmppTls=direct");
        assertThatThrownBy(() -> Synth.of(Map.of("xmppTls", "none", "xmppTlsServerName", "chat.example.com")))
                .hasMessageContaining("xmppTls=none turns it off");
        assertThatThrownBy(() -> Synth.of(Map.of("xmppTlsCaSecret", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ca")))
                .hasMessageContaining("complete secret ARN").hasMessageContaining("-c xmppTlsCaSecret=");
        assertThatThrownBy(() -> Synth.of(Map.of("xmppTlsServerName", "not a name")))
                .hasMessageContaining("xmppTlsServerName 'not a name'");
    }

    private static List<Map<?, ?>> caStatements(Synth synth, String role) {
        return synth.statementsOf(role).stream().filter(s -> String.valueOf(s.get("Resource")).contains("xmpp/ca")).toList();
    }
}
