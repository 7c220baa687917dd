package org.smsoverxmpp.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.smsoverxmpp.webhook.twilio.TwilioRequestSigner;

/** Posts a webhook exactly as Twilio does: a form, signed with the account's auth token. */
public final class WebhookPoster {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String authToken;

    public WebhookPoster(String authToken) {
        this.authToken = authToken;
    }

    /** @return the HTTP status and body of the webhook's answer */
    public HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
        return postTo(url, url, form);
    }

    /**
     * Posts to {@code url} but signs for {@code signedUrl}: behind a tunnel, Twilio calls (and signs) the
     * public URL while the request arrives at the local one.
     */
    public HttpResponse<String> postTo(String url, String signedUrl, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("User-Agent", "TwilioProxy/1.1 (sms-over-xmpp local simulator)")
                .header("X-Twilio-Signature", TwilioRequestSigner.sign(authToken, signedUrl, form))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
