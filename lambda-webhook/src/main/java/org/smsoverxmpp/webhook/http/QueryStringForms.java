package org.smsoverxmpp.webhook.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The spellings a query string may have had, rebuilt from the decoded parameters API Gateway REST hands
 * over. Twilio signs the URL exactly as the operator wrote it, and decoding loses that: a space was
 * {@code %20} or {@code +}, a {@code /} or {@code ,} was written as it is or percent-encoded. Four
 * spellings cover what people and Twilio's SDKs write, in the order the parameters arrived:
 * <ul>
 *   <li>percent-encoded (everything but {@code A-Z a-z 0-9 - . _ ~}), a space as {@code %20};</li>
 *   <li>the same with a space as {@code +} (HTML forms, {@code URLEncoder});</li>
 *   <li>raw: what a query may hold unencoded left as it is ({@code ! $ ' ( ) * , ; : @ / ?}, {@code =} in
 *       values, and {@code +}, which a gateway that does not decode it passes on), a space as {@code %20},
 *       and a parameter with an empty value as its bare name;</li>
 *   <li>the same with a space as {@code +}.</li>
 * </ul>
 * Identical spellings are tried once, so a plain query ({@code ?tenant=acme}) has one.
 */
final class QueryStringForms {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final String RAW_IN_NAMES = "!$'()*,;:@/?+";
    private static final String RAW_IN_VALUES = RAW_IN_NAMES + "=";

    private QueryStringForms() {
    }

    /** @return each spelling with its leading {@code ?}, or one empty form when there are no parameters */
    static List<String> of(Map<String, List<String>> decoded) {
        if (decoded == null || decoded.isEmpty()) {
            return List.of("");
        }
        LinkedHashSet<String> forms = new LinkedHashSet<>();
        for (boolean raw : new boolean[] {false, true}) {
            for (String space : new String[] {"%20", "+"}) {
                forms.add(spell(decoded, raw, space));
            }
        }
        return List.copyOf(forms);
    }

    private static String spell(Map<String, List<String>> decoded, boolean raw, String space) {
        StringBuilder query = new StringBuilder();
        decoded.forEach((name, values) -> {
            for (String value : values == null || values.isEmpty() ? List.of("") : values) {
                query.append(query.length() == 0 ? '?' : '&');
                append(query, name, raw ? RAW_IN_NAMES : "", space);
                if (!raw || (value != null && !value.isEmpty())) {
                    query.append('=');
                    append(query, value, raw ? RAW_IN_VALUES : "", space);
                }
            }
        });
        return query.toString();
    }

    private static void append(StringBuilder out, String text, String leftRaw, String space) {
        for (byte b : (text == null ? "" : text).getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c == ' ') {
                out.append(space);
            } else if (isUnreserved(c) || leftRaw.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
