package org.smsoverxmpp.bridge.xmpp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;

/** How the component's bytes travel to the XMPP server: TLS from the first byte, verified; or cleartext. */
public sealed interface Transport permits Transport.DirectTls, Transport.Cleartext {

    /**
     * TLS from the first byte (ejabberd's {@code tls: true}, Prosody's {@code ssl_ports}), never STARTTLS.
     *
     * @param serverName the name the server's certificate must carry, and the SNI the bridge sends
     * @param extraCas   CA certificates trusted besides the JDK's own, for a private CA
     */
    record DirectTls(String serverName, List<X509Certificate> extraCas) implements Transport {
        private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

        /** @throws IllegalArgumentException when the name could be neither a host name nor an IP address */
        public DirectTls {
            extraCas = List.copyOf(extraCas);
            if (!isIpLiteral(serverName)) {
                new SNIHostName(serverName);
            }
        }

        /** SNI carries host names only; an IP address is still checked against the certificate's IP entries. */
        public Optional<SNIHostName> sni() {
            return isIpLiteral(serverName) ? Optional.empty() : Optional.of(new SNIHostName(serverName));
        }

        private static boolean isIpLiteral(String name) {
            return IPV4.matcher(name).matches() || name.contains(":");
        }

        @Override
        public String toString() {
            return "direct TLS verifying " + serverName
                    + (extraCas.isEmpty() ? "" : ", trusting " + extraCas.size() + " CA(s) besides the JDK's");
        }
    }

    /** No encryption at all: for a server on the same machine only. */
    record Cleartext() implements Transport {

        /**
         * Whether cleartext may go to {@code host}: a loopback address (127.0.0.0/8, ::1) or {@code localhost}.
         * Only literals count: a name that resolves to loopback today may not tomorrow.
         */
        public static boolean allowedTo(String host) {
            if ("localhost".equalsIgnoreCase(host)) {
                return true;
            }
            if (DirectTls.IPV4.matcher(host).matches()) {
                return Arrays.stream(host.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255)
                        && host.startsWith("127.");
            }
            String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            try {
                // Only with a colon is it parsed as an IPv6 literal, never looked up in DNS.
                return literal.contains(":") && InetAddress.getByName(literal).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return "cleartext";
        }
    }
}
