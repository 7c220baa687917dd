package org.smsoverxmpp.webhook.twilio;

import com.twilio.security.RequestValidator;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.smsoverxmpp.webhook.http.WebhookRejection;

/** Checks X-Twilio-Signature against the URL Twilio called and the posted form, with the SDK's validator. */
public class TwilioSignature {
    public static final String HEADER = "X-Twilio-Signature";
    /** After a mismatch the token is re-read at most this often, in case it was rotated. */
    private static final Duration ROTATION_RECHECK = Duration.ofMinutes(1);

    private final TwilioSecret secret;

    public TwilioSignature(TwilioSecret secret) {
        this.secret = secret;
    }

    /** @return the credentials that verified the request, so the caller can check the account too */
    public TwilioCredentials verify(String calledUrl, Map<String, String> form, Optional<String> signature)
            throws WebhookRejection {
        if (signature.isEmpty() || signature.get().isBlank()) {
            throw WebhookRejection.forbidden("missing " + HEADER);
        }
        TwilioCredentials credentials = secret.current();
        if (matches(credentials, calledUrl, form, signature.get())) {
            return credentials;
        }
        TwilioCredentials reread = secret.refreshIfOlderThan(ROTATION_RECHECK);
        if (reread != credentials && matches(reread, calledUrl, form, signature.get())) {
            return reread;
        }
        throw WebhookRejection.forbidden("invalid " + HEADER);
    }

    private static boolean matches(TwilioCredentials credentials, String url, Map<String, String> form, String signature) {
        return new RequestValidator(credentials.authToken()).validate(url, form, signature);
    }
}
