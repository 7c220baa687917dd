package org.smsoverxmpp.bridge.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.smsoverxmpp.bridge.xmpp.TestCertificates.Issued;

/** A refused certificate reads as what an operator needs to fix it; the real JDK refusals are in ComponentTlsTest. */
class CertificateFailureTest {

    @Test
    void theDescriptionNamesWhatWasExpectedWhatWasPresentedAndWhoIssuedIt() throws Exception {
        Issued ca = TestCertificates.ca("Private CA");
        Issued server = TestCertificates.server(ca, "sms.example.net", "DNS:sms.example.net", "DNS:example.net", "IP:192.0.2.7");
        CertificateException jdkRefusal =
                new CertificateException("No subject alternative DNS name matching sms.example.com found.");

        CertificateFailure failure =
                CertificateFailure.of("sms.example.com", new X509Certificate[] {server.certificate()}, jdkRefusal);

        assertThat(failure.presentedNames()).containsExactly("CN=sms.example.net", "DNS:sms.example.net", "DNS:example.net",
                "IP:192.0.2.7");
        assertThat(failure.issuer()).isEqualTo("CN=Private CA");
        assertThat(failure.reason()).isEqualTo(CertificateFailure.Reason.NAME_MISMATCH);
        assertThat(failure.toString()).contains("expected sms.example.com", "CN=sms.example.net, DNS:sms.example.net",
                "IP:192.0.2.7", "issued by CN=Private CA", "not for the expected name", jdkRefusal.getMessage());
    }

    @Test
    void aCertificateWithoutAlternativeNamesPresentsItsCommonNameOnly() throws Exception {
        Issued ca = TestCertificates.ca("Private CA");
        Issued server = TestCertificates.server(ca, "legacy.example.com");

        CertificateFailure failure = CertificateFailure.of("xmpp.example.com", new X509Certificate[] {server.certificate()},
                new CertificateException("No name matching xmpp.example.com found"));

        assertThat(failure.presentedNames()).containsExactly("CN=legacy.example.com");
        assertThat(failure.reason()).isEqualTo(CertificateFailure.Reason.NAME_MISMATCH);
    }

    @Test
    void theReasonIsFoundAmongTheCausesTheJdkWraps() {
        CertificateException untrusted = new CertificateException("PKIX path building failed",
                new CertPathBuilderException("unable to find valid certification path to requested target"));
        CertificateException expired = new CertificateException("validity check failed", new CertificateExpiredException());

        assertThat(CertificateFailure.reasonFor(untrusted)).isEqualTo(CertificateFailure.Reason.UNTRUSTED_ISSUER);
        assertThat(CertificateFailure.reasonFor(expired)).isEqualTo(CertificateFailure.Reason.EXPIRED);
        assertThat(CertificateFailure.reasonFor(new CertificateException("Certificates do not conform to algorithm constraints")))
                .as("anything else keeps the JDK's words only").isEqualTo(CertificateFailure.Reason.OTHER);
    }
}
