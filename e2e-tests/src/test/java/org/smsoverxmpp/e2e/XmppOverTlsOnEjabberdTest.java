package org.smsoverxmpp.e2e;

import java.util.Map;
import org.smsoverxmpp.e2e.harness.TestCa;
import org.smsoverxmpp.e2e.harness.TestGateway;

/** The same TLS suite against ejabberd's tls: true listener, with the CA given as a file. */
class XmppOverTlsOnEjabberdTest extends XmppOverTlsTest {
    @Override
    protected TestGateway.Server server() {
        return TestGateway.Server.EJABBERD;
    }

    @Override
    protected Map<String, String> trusting(TestCa ca, Map<String, String> env) {
        env.put("XMPP_TLS_CA_FILE", ca.pemFile().toString());
        return env;
    }
}
