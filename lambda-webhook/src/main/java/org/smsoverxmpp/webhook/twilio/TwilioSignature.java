package org.smsoverxmpp.webhook.twilio;

import com.twilio.security.RequestValidator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.smsoverxmpp.webhook.http.CalledUrl;
import org.smsoverxmpp.webhook.http.WebhookRejection;

/**
 * Checks X-Twilio-Signature with the SDK's validator against every URL Twilio may have signed for this
 * request, and accepts it if one matches. A genuine request refused here is answered 403, which Twilio
 * never retries, so the candidates cover what the request cannot tell us:
 * <ul>
 *   <li>each spelling of the query ({@link CalledUrl#queryForms()}: at most 4);</li>
 *   <li>the fragment: Twilio reads connection overrides ({@code #rc=5&rp=ct,rt,5xx}) from the URL's
 *       fragment, which is never sent over HTTP, and it is not settled whether it signs the URL with or
 *       without it; so without a fragment, with {@value #RECOMMENDED_FRAGMENT} (README's advice), and with
 *       the configured one if any (at most 3);</li>
 *   <li>the port: the SDK's validator tries each URL with and without {@code :443} itself.</li>
 * </ul>
 * That is at most 12 URLs, 24 HMACs, per token tried, and a request tries at most two tokens.
 */
public class TwilioSignature {
    public static final String HEADER = "X-Twilio-Signature";
    /** The connection overrides README tells operators to append to the webhook URLs. */
    public static final String RECOMMENDED_FRAGMENT = "rc=5&rp=ct,rt,5xx";
    /** After a mismatch the token is re-read at most this often, in case it was rotated. */
    private static final Duration ROTATION_RECHECK = Duration.ofMinutes(1);

    private final TwilioSecret secret;
    private final List<String> fragments;

    public TwilioSignature(TwilioSecret secret) {
        this(secret, Optional.empty());
    }

    /** @param configuredFragment the fragment the operator appended to the URLs in Twilio, without {@code #} */
    public TwilioSignature(TwilioSecret secret, Optional<String> configuredFragment) {
        this.secret = secret;
        Set<String> fragments = new LinkedHashSet<>(List.of("", "#" + RECOMMENDED_FRAGMENT));
        configuredFragment.ifPresent(fragment -> fragments.add("#" + fragment));
        this.fragments = List.copyOf(fragments);
    }

    /** @return the credentials that verified the request, so the caller can check the account too */
    public TwilioCredentials verify(CalledUrl calledUrl, Map<String, String> form, Optional<String> signature)
            throws WebhookRejection {
        if (signature.isEmpty() || signature.get().isBlank()) {
            throw WebhookRejection.forbidden("missing " + HEADER);
        }
        List<String> urls = signedUrls(calledUrl);
        try {
            TwilioCredentials credentials = secret.current();
            if (matches(credentials, urls, form, signature.get())) {
                return credentials;
            }
            TwilioCredentials reread = secret.refreshIfOlderThan(ROTATION_RECHECK);
            if (reread != credentials && matches(reread, urls, form, signature.get())) {
                return reread;
            }
        } catch (TwilioSecret.UnavailableException e) {
            // Unchecked is not forged: Twilio retries a 503, and the token may be readable again by then.
            throw WebhookRejection.unavailable("cannot check " + HEADER + " now, retry later", e);
        }
        throw WebhookRejection.forbidden("invalid " + HEADER);
    }

    List<String> signedUrls(CalledUrl calledUrl) {
        List<String> urls = new ArrayList<>();
        for (String query : calledUrl.queryForms()) {
            for (String fragment : fragments) {
                urls.add(calledUrl.beforeQuery() + query + fragment);
            }
        }
        return urls;
    }

    private static boolean matches(TwilioCredentials credentials, List<String> urls, Map<String, String> form,
            String signature) {
        RequestValidator validator = new RequestValidator(credentials.authToken());
        for (String url : urls) {
            if (validator.validate(url, form, signature)) {
                return true;
            }
        }
        return false;
    }
}
