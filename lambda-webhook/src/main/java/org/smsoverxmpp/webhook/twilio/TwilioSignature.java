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
import org.smsoverxmpp.webhook.http.WebhookRequest;
import org.smsoverxmpp.webhook.secrets.CachedSecret;
import org.smsoverxmpp.webhook.secrets.SecretSource;

/**
 * Checks a Twilio-format signature (HMAC-SHA1 over the URL and the sorted form) with the SDK's validator
 * against every URL the provider may have signed for this request, and accepts it if one matches. A genuine
 * request refused here is answered 403, which is never retried, so the candidates cover what the request
 * cannot tell us:
 * <ul>
 *   <li>each spelling of the query ({@link CalledUrl#queryForms()}: at most 4);</li>
 *   <li>the fragment: Twilio reads connection overrides ({@code #rc=5&rp=ct,rt,5xx}) from the URL's
 *       fragment, which is never sent over HTTP, and it is not settled whether it signs the URL with or
 *       without it; so without a fragment, with {@value #RECOMMENDED_FRAGMENT} (README's advice), and with
 *       the configured one if any (at most 3);</li>
 *   <li>the port: the SDK's validator tries each URL with and without {@code :443} itself.</li>
 * </ul>
 * That is at most 12 URLs, 24 HMACs, per key tried, and a request tries at most two keys.
 */
public class TwilioSignature {
    public static final String HEADER = "X-Twilio-Signature";
    /** The connection overrides README tells operators to append to the webhook URLs. */
    public static final String RECOMMENDED_FRAGMENT = "rc=5&rp=ct,rt,5xx";
    /** After a mismatch the key is re-read at most this often, in case it was rotated. */
    private static final Duration ROTATION_RECHECK = Duration.ofMinutes(1);

    private final SecretSource<? extends SigningAccount> secret;
    private final List<String> headers;
    private final List<String> fragments;

    /** Twilio's own signatures. */
    public TwilioSignature(SecretSource<? extends SigningAccount> secret) {
        this(secret, Optional.empty());
    }

    /** @param configuredFragment the fragment the operator appended to the URLs in Twilio, without {@code #} */
    public TwilioSignature(SecretSource<? extends SigningAccount> secret, Optional<String> configuredFragment) {
        this(secret, List.of(HEADER), twilioFragments(configuredFragment));
    }

    /**
     * @param headers   where the signature may be, the first one present counting (a provider that copies
     *                  Twilio's webhooks names its own header first)
     * @param fragments each fragment the signed URL may have had, with its {@code #}; {@code ""} for none
     */
    public TwilioSignature(SecretSource<? extends SigningAccount> secret, List<String> headers, List<String> fragments) {
        this.secret = secret;
        this.headers = List.copyOf(headers);
        this.fragments = List.copyOf(fragments);
    }

    private static List<String> twilioFragments(Optional<String> configuredFragment) {
        Set<String> fragments = new LinkedHashSet<>(List.of("", "#" + RECOMMENDED_FRAGMENT));
        configuredFragment.ifPresent(fragment -> fragments.add("#" + fragment));
        return List.copyOf(fragments);
    }

    /** The signature the request carries, in the first of the headers that is present. */
    public Optional<String> signatureOf(WebhookRequest request) {
        for (String header : headers) {
            Optional<String> signature = request.header(header);
            if (signature.isPresent()) {
                return signature;
            }
        }
        return Optional.empty();
    }

    /** @return the credentials that verified the request, so the caller can check the account too */
    public SigningAccount verify(CalledUrl calledUrl, Map<String, String> form, Optional<String> signature)
            throws WebhookRejection {
        String header = headers.get(0);
        if (signature.isEmpty() || signature.get().isBlank()) {
            throw WebhookRejection.forbidden("missing " + header);
        }
        List<String> urls = signedUrls(calledUrl);
        try {
            SigningAccount account = secret.current();
            if (matches(account, urls, form, signature.get())) {
                return account;
            }
            SigningAccount reread = secret.refreshIfOlderThan(ROTATION_RECHECK);
            if (reread != account && matches(reread, urls, form, signature.get())) {
                return reread;
            }
        } catch (CachedSecret.UnavailableException e) {
            // Unchecked is not forged: a 503 is retried, and the key may be readable again by then.
            throw WebhookRejection.unavailable("cannot check " + header + " now, retry later", e);
        }
        throw WebhookRejection.forbidden("invalid " + header);
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

    private static boolean matches(SigningAccount account, List<String> urls, Map<String, String> form,
            String signature) {
        RequestValidator validator = new RequestValidator(account.signingKey());
        for (String url : urls) {
            if (validator.validate(url, form, signature)) {
                return true;
            }
        }
        return false;
    }
}
