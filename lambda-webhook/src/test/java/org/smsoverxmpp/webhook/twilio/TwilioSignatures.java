package org.smsoverxmpp.webhook.twilio;

import com.twilio.security.RequestValidator;
import java.util.Map;

/**
 * The signature Twilio sends for a URL and form, with Twilio's own SDK as the judge: the SDK keeps its
 * signing private, so the signature is computed here and used only once the SDK's validator accepts it
 * for that URL. A test's expected signature is thus never a hard-coded answer, nor our own word.
 */
public final class TwilioSignatures {
    private TwilioSignatures() {
    }

    public static String of(String authToken, String url, Map<String, String> form) {
        String signature = TwilioRequestSigner.sign(authToken, url, form);
        if (!new RequestValidator(authToken).validate(url, form, signature)) {
            throw new AssertionError("Twilio's RequestValidator does not accept our signature for " + url);
        }
        return signature;
    }
}
