package org.smsoverxmpp.bridge.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlRepairTest {

    @Test
    void cdataEndInTextIsEscaped() {
        assertThat(XmlRepair.repair("<body>x ]]> y</body>")).isEqualTo("<body>x ]]&gt; y</body>");
    }

    @Test
    void aLoneGreaterThanInTextIsLeftAsSmackWroteIt() {
        assertThat(XmlRepair.repair("<body>a > b ]> c</body>")).isEqualTo("<body>a > b ]> c</body>");
    }

    @Test
    void cdataEndInsideAnAttributeIsLegalAndUnchanged() {
        assertThat(XmlRepair.repair("<message id='x]]>y' from='a'/>")).isEqualTo("<message id='x]]>y' from='a'/>");
    }

    @Test
    void forbiddenControlCharactersBecomeTheReplacementCharacter() {
        assertThat(XmlRepair.repair("<body>a\u0000b\u0001c\u001Fd\u000Be\u000Cf</body>"))
                .isEqualTo("<body>a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf</body>");
    }

    @Test
    void noncharactersFffeAndFfffBecomeTheReplacementCharacter() {
        assertThat(XmlRepair.clean("a\uFFFEb\uFFFFc")).isEqualTo("a\uFFFDb\uFFFDc");
    }

    @Test
    void loneSurrogatesBecomeTheReplacementCharacterButPairsStay() {
        assertThat(XmlRepair.clean("\uD83D\uDC4B \uD83D x \uDC4B \uDC4B\uD83D"))
                .isEqualTo("\uD83D\uDC4B \uFFFD x \uFFFD \uFFFD\uFFFD");
    }

    @Test
    void lineBreaksArriveAsLineFeeds() {
        assertThat(XmlRepair.clean("one\r\ntwo\rthree\nfour")).isEqualTo("one\ntwo\nthree\nfour");
    }

    @Test
    void tabAndLineBreaksInAttributeValuesAreCharacterReferences() {
        assertThat(XmlRepair.repair("<message id='a\tb\nc\r\nd\re' from='x'/>"))
                .isEqualTo("<message id='a&#9;b&#10;c&#10;d&#10;e' from='x'/>");
    }

    @Test
    void bothQuoteStylesDelimitAttributes() {
        assertThat(XmlRepair.repair("<a b=\"it's ]]>\" c='say \"x\"'>]]></a>"))
                .isEqualTo("<a b=\"it's ]]>\" c='say \"x\"'>]]&gt;</a>");
    }

    @Test
    void textThatNeedsNothingIsUnchanged() {
        String xml = "<message from='+15551234567@sms.example.com' to='alice@example.com' type='chat' id='SM1'>"
                + "<body>hi 👋 &amp; &lt;3 — ok?</body></message>";
        assertThat(XmlRepair.repair(xml)).isEqualTo(xml);
    }
}
