package org.smsoverxmpp.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** What every local XMPP server has: its directory, ports, component, and the process while it runs. */
abstract class LocalXmppServer implements XmppServer {
    protected final Path dir;
    protected final int c2sPort;
    protected final int componentPort;
    protected final String componentDomain;
    protected final String componentSecret;
    protected final Optional<DirectTlsPort> componentTls;
    protected ServerProcess process;

    LocalXmppServer(Path dir, String componentDomain, String componentSecret, int c2sPort, int componentPort,
            Optional<DirectTlsPort> componentTls) {
        this.dir = dir;
        this.componentDomain = componentDomain;
        this.componentSecret = componentSecret;
        this.c2sPort = c2sPort;
        this.componentPort = componentPort;
        this.componentTls = componentTls;
    }

    /** Waits until every port of this server listens; fails early if its process exits. */
    protected void awaitListening(Duration timeout, String what) {
        FreePort.awaitListening(c2sPort, timeout, process.process(), what);
        FreePort.awaitListening(componentPort, timeout, process.process(), what);
        componentTls.ifPresent(tls -> FreePort.awaitListening(tls.port(), timeout, process.process(), what));
    }

    @Override
    public int c2sPort() {
        return c2sPort;
    }

    @Override
    public int componentPort() {
        return componentPort;
    }

    @Override
    public Optional<DirectTlsPort> componentTls() {
        return componentTls;
    }

    @Override
    public String componentDomain() {
        return componentDomain;
    }

    @Override
    public String componentSecret() {
        return componentSecret;
    }

    @Override
    public Optional<Long> pid() {
        return Optional.ofNullable(process).map(p -> p.process().pid());
    }
}
