package org.smsoverxmpp.e2e;

import org.smsoverxmpp.e2e.harness.TestGateway;

/** The same SMS-both-ways suite against ejabberd, the second XMPP server. */
class SmsBothWaysOnEjabberdTest extends SmsBothWaysTest {
    @Override
    protected TestGateway.Server server() {
        return TestGateway.Server.EJABBERD;
    }
}
