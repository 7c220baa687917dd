package org.smsoverxmpp.bridge.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The last check before the stream: what would make the server close it is refused. */
class StrictXmlCheckTest {

    @Test
    void aWellFormedStanzaWithFromPasses() {
        assertThat(StrictXmlCheck.problemWith("<message from='a@b' to='c@d' id='x'><body>a &lt; b ]]&gt; 👋</body>"
                + "<x xmlns='urn:y' k='v&apos;'/></message>")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<message from='a@b'><body>x ]]> y</body></message>",
        "<message from='a@b'><body>nul \u0000</body></message>",
        "<message from='a@b'><body>bell \u0007</body></message>",
        "<message from='a@b'><body>\uFFFE</body></message>",
        "<message from='a@b'><body>lone \uD800 surrogate</body></message>",
        "<message from='a@b'><body>&#0;</body></message>",
        "<message from='a@b' id='\u0001'/>",
        "<iq from='a@b' type='error' id='q'><query xmlns='urn:x'>&lt;query xmlns='urn:x'/&gt;",
        "<message from='a@b'><body>a & b</body></message>",
        "<message from='a@b'><body>a < b</body></message>",
        "<message from='a@b'/><message from='a@b'/>",
        "<message to='c@d'/>",
        "<message from='a@b'><![CDATA[x]]></message>",
        "<message from='a@b'><!-- x --></message>",
        "<message from='a@b'/></stream:stream>",
        "<stream:error xmlns:stream='http://etherx.jabber.org/streams'/>",
        "<handshake>x</handshake>",
        "text<message from='a@b'/>",
        "<message from='a@b'><x:y/></message>",
    })
    void whatWouldBreakTheStreamIsRefused(String stanza) {
        assertThat(StrictXmlCheck.problemWith(stanza)).isPresent();
    }
}
