package org.smsoverxmpp.local;

import java.nio.file.Path;

/**
 * A port where a local server accepts the component over TLS from the first byte, as a server across the Internet
 * should, presenting a certificate for {@code name}.
 *
 * @param certificate the certificate, PEM
 * @param key         its private key, PEM, unencrypted
 */
public record DirectTlsPort(int port, String name, Path certificate, Path key) {
}
