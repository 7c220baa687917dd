package org.smsoverxmpp.e2e;

import org.smsoverxmpp.e2e.harness.TestGateway;

/** The same client-conventions suite against ejabberd, the second XMPP server. */
class ClientConventionsOnEjabberdTest extends ClientConventionsTest {
    @Override
    protected TestGateway.Server server() {
        return TestGateway.Server.EJABBERD;
    }
}
