package org.smsoverxmpp.bridge.xmpp;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Why the XMPP server's certificate was refused, in the terms an operator fixes it by: the name the bridge
 * expected, the names the certificate presents, who issued it, and the reason.
 *
 * @param presentedNames the subject's CN, then the subject alternative names ({@code DNS:…}, {@code IP:…})
 * @param detail         the JDK's own words, kept for what {@link Reason} does not say
 */
public record CertificateFailure(String expectedName, List<String> presentedNames, String issuer, Reason reason,
        String detail) {

    /** The JDK's host name check says so in words only; these are its words since Java 7. */
    private static final Pattern NAME_CHECK = Pattern.compile("No (subject alternative )?(DNS )?names? (matching|present).*");
    private static final String[] SAN_TYPES = {"other", "email", "DNS", "X400", "dir", "EDI", "URI", "IP", "OID"};

    public enum Reason {
        NAME_MISMATCH("it is not for the expected name"),
        EXPIRED("it has expired"),
        NOT_YET_VALID("it is not valid yet"),
        UNTRUSTED_ISSUER("no CA the bridge trusts issued it (the JDK's CAs, plus any in XMPP_TLS_CA_PEM or XMPP_TLS_CA_FILE)"),
        OTHER("it failed verification");

        private final String text;

        Reason(String text) {
            this.text = text;
        }
    }

    public CertificateFailure {
        presentedNames = List.copyOf(presentedNames);
    }

    /** The failure of {@code chain} (the server's, its own certificate first) to verify for {@code expectedName}. */
    public static CertificateFailure of(String expectedName, X509Certificate[] chain, CertificateException failure) {
        X509Certificate leaf = chain[0];
        return new CertificateFailure(expectedName, namesOf(leaf), leaf.getIssuerX500Principal().getName(),
                reasonFor(failure), String.valueOf(failure.getMessage()));
    }

    static Reason reasonFor(CertificateException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException) {
                return Reason.EXPIRED;
            }
            if (cause instanceof CertificateNotYetValidException) {
                return Reason.NOT_YET_VALID;
            }
            if (cause instanceof CertPathValidatorException invalid) {
                if (invalid.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                    return Reason.EXPIRED;
                }
                if (invalid.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                    return Reason.NOT_YET_VALID;
                }
            }
            if (cause instanceof CertPathBuilderException) {
                return Reason.UNTRUSTED_ISSUER; // no path from it to any trusted CA
            }
        }
        boolean nameCheck = failure.getCause() == null && failure.getMessage() != null
                && NAME_CHECK.matcher(failure.getMessage()).matches();
        return nameCheck ? Reason.NAME_MISMATCH : Reason.OTHER;
    }

    private static List<String> namesOf(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        commonName(certificate).ifPresent(cn -> names.add("CN=" + cn));
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> alternative : alternatives) {
                    int type = (Integer) alternative.get(0);
                    String label = type < SAN_TYPES.length ? SAN_TYPES[type] : "type " + type;
                    names.add(label + ":" + (alternative.get(1) instanceof String text ? text : "(binary)"));
                }
            }
        } catch (CertificateParsingException e) {
            names.add("(unreadable alternative names: " + e.getMessage() + ")");
        }
        return names;
    }

    private static Optional<String> commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return Optional.of(String.valueOf(rdn.getValue()));
                }
            }
        } catch (InvalidNameException e) {
            // an X500 name the JDK printed is always a valid LDAP name; no CN to show otherwise
        }
        return Optional.empty();
    }

    /** One line for the log. */
    @Override
    public String toString() {
        return "expected " + expectedName + ", the certificate presents "
                + (presentedNames.isEmpty() ? "no names" : String.join(", ", presentedNames))
                + ", issued by " + issuer + ": " + reason.text + " (" + detail + ")";
    }
}
