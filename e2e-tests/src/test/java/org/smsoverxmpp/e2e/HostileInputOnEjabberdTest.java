package org.smsoverxmpp.e2e;

import org.smsoverxmpp.e2e.harness.TestGateway;

/** The same hostile traffic against ejabberd, the second XMPP server. */
class HostileInputOnEjabberdTest extends HostileInputTest {
    @Override
    protected TestGateway.Server server() {
        return TestGateway.Server.EJABBERD;
    }
}
