package org.smsoverxmpp.e2e;

import org.smsoverxmpp.e2e.harness.TestGateway;

/** The same Telnyx suite against ejabberd, the second XMPP server. */
class TelnyxBothWaysOnEjabberdTest extends TelnyxBothWaysTest {
    @Override
    protected TestGateway.Server server() {
        return TestGateway.Server.EJABBERD;
    }
}
