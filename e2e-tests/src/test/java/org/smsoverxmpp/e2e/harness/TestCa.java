package org.smsoverxmpp.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.smsoverxmpp.local.DirectTlsPort;
import org.smsoverxmpp.local.FreePort;

/** A CA made for one test run, and the server certificates it issues, as PEM files: no key is ever committed. */
public final class TestCa {
    private final Path dir;
    private final KeyPair keys;
    private final X500Name name;
    private final Path pemFile;
    private long serial = System.currentTimeMillis();

    private TestCa(Path dir, String commonName) throws GeneralSecurityException, OperatorCreationException, IOException {
        this.dir = Files.createDirectories(dir);
        this.keys = keyPair();
        this.name = new X500Name("CN=" + commonName);
        X509v3CertificateBuilder builder = builder(name, keys);
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        this.pemFile = write("ca.pem", pem("CERTIFICATE", sign(builder).getEncoded()));
    }

    public static TestCa create(Path dir, String commonName) {
        try {
            return new TestCa(dir, commonName);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CA's certificate, PEM: what the bridge is told to trust. */
    public String pem() {
        try {
            return Files.readString(pemFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path pemFile() {
        return pemFile;
    }

    /** The CA's name, as the bridge reports a certificate's issuer. */
    public String subject() {
        return name.toString();
    }

    /** A direct-TLS port on a free port, presenting a certificate this CA issued for {@code host}. */
    public DirectTlsPort issue(String host) {
        try {
            KeyPair server = keyPair();
            X509v3CertificateBuilder builder = builder(new X500Name("CN=" + host), server);
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, host)));
            Path certificate = write(host + ".crt", pem("CERTIFICATE", sign(builder).getEncoded()));
            Path key = write(host + ".key", pem("PRIVATE KEY", server.getPrivate().getEncoded()));
            return new DirectTlsPort(FreePort.find(), host, certificate, key);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private X509v3CertificateBuilder builder(X500Name subject, KeyPair subjectKeys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(++serial), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))), subject, subjectKeys.getPublic());
    }

    private X509Certificate sign(X509v3CertificateBuilder builder) throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private Path write(String file, String text) throws IOException {
        return Files.writeString(dir.resolve(file), text, StandardCharsets.US_ASCII);
    }
}
