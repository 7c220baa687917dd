package org.smsoverxmpp.webhook.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringFormsTest {

    private static Map<String, List<String>> query(String... namesAndValues) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.computeIfAbsent(namesAndValues[i], n -> new java.util.ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return query;
    }

    @Test
    void noParametersMeansNoQuery() {
        assertThat(QueryStringForms.of(Map.of())).containsExactly("");
        assertThat(QueryStringForms.of(null)).containsExactly("");
    }

    @Test
    void plainQueryHasOneSpellingInTheOrderReceived() {
        assertThat(QueryStringForms.of(query("b", "2", "a", "1"))).containsExactly("?b=2&a=1");
    }

    @Test
    void spaceIsSpelledAsPercent20AndAsPlus() {
        assertThat(QueryStringForms.of(query("x", "1 2"))).containsExactly("?x=1%202", "?x=1+2");
    }

    @Test
    void literalPlusIsSpelledPercentEncodedAndAsItIs() {
        assertThat(QueryStringForms.of(query("x", "1+2"))).containsExactly("?x=1%2B2", "?x=1+2");
    }

    @Test
    void reservedCharactersAreSpelledPercentEncodedAndAsTheyAre() {
        assertThat(QueryStringForms.of(query("next", "/a,b:c"))).containsExactly("?next=%2Fa%2Cb%3Ac", "?next=/a,b:c");
    }

    @Test
    void charactersThatWouldSplitTheQueryAreAlwaysEncoded() {
        assertThat(QueryStringForms.of(query("q", "a&b=c#d%"))).containsExactly("?q=a%26b%3Dc%23d%25", "?q=a%26b=c%23d%25");
    }

    @Test
    void nonAsciiIsPercentEncodedAsUtf8() {
        assertThat(QueryStringForms.of(query("name", "café"))).containsExactly("?name=caf%C3%A9");
    }

    @Test
    void emptyValueIsSpelledWithAndWithoutItsEqualsSign() {
        assertThat(QueryStringForms.of(query("flag", "", "x", "1"))).containsExactly("?flag=&x=1", "?flag&x=1");
    }

    @Test
    void repeatedParameterKeepsEachValueInOrder() {
        assertThat(QueryStringForms.of(query("a", "1", "a", "2"))).containsExactly("?a=1&a=2");
    }

    @Test
    void thereAreNeverMoreThanFourSpellings() {
        assertThat(QueryStringForms.of(query("next", "/a b+c", "é", ""))).hasSize(4).doesNotHaveDuplicates();
    }
}
