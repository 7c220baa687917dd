package org.smsoverxmpp.webhook.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.net.URLDecoder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes an {@code application/x-www-form-urlencoded} body, as form-posting providers send webhooks. */
public final class FormBody {
    public static final String MEDIA_TYPE = "application/x-www-form-urlencoded";

    private FormBody() {
    }

    /**
     * Providers never repeat a parameter name; a repeated one is refused because the signature check and the
     * parser could otherwise disagree on which value counts.
     */
    public static Map<String, String> parse(byte[] body) throws WebhookRejection {
        String text = utf8(body);
        Map<String, String> params = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return params;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (params.putIfAbsent(name, value) != null) {
                throw WebhookRejection.badRequest("form parameter " + nameForTheLog(name) + " appears more than once");
            }
        }
        return Collections.unmodifiableMap(params);
    }

    /** A name is quoted only if it looks like a field's name: anything else could be someone's text. */
    private static String nameForTheLog(String name) {
        boolean fieldName = !name.isEmpty() && name.length() <= 40
                && name.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
        return fieldName ? "'" + name + "'" : "(a name that is no field's)";
    }

    private static String utf8(byte[] body) throws WebhookRejection {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw WebhookRejection.badRequest("form body is not UTF-8");
        }
    }

    private static String decode(String part) throws WebhookRejection {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw WebhookRejection.badRequest("form body is not valid URL encoding");
        }
    }
}
