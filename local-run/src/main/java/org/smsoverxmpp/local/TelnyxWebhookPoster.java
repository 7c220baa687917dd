package org.smsoverxmpp.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.smsoverxmpp.webhook.telnyx.TelnyxRequestSigner;

/** Posts a webhook exactly as Telnyx does: JSON, signed with Ed25519 over its timestamp and body. */
public final class TelnyxWebhookPoster {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PrivateKey signingKey;

    public TelnyxWebhookPoster(PrivateKey signingKey) {
        this.signingKey = signingKey;
    }

    /** The signing key as the local run saves it: base64 of its PKCS#8 encoding. */
    public static PrivateKey key(String pkcs8Base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(pkcs8Base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 private key: " + e.getMessage(), e);
        }
    }

    /** @return the HTTP status and body of the webhook's answer */
    public HttpResponse<String> post(String url, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("User-Agent", "telnyx-webhooks (sms-over-xmpp local simulator)")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        TelnyxRequestSigner.headers(signingKey, Instant.now(), body).forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
