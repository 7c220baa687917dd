package org.smsoverxmpp.e2e.faults;

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

/**
 * Posts inbound SMS to the webhook as Twilio does for a number configured with {@code #rc=5&rp=ct,rt,5xx}:
 * signed, and retried up to 5 times on a failed connection, a read timeout (15 s) or a 5xx; a 4xx is final.
 * Twilio does not document its retry spacing; this waits 1, 2, 4, 8, then 16 s.
 */
final class TwilioLikeSender {
    /** What Twilio ends up with for one SMS. */
    enum Result { ACCEPTED, REFUSED, GAVE_UP }

    private static final int RETRIES = 5;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String authToken;

    TwilioLikeSender(String url, String authToken) {
        this.url = url;
        this.authToken = authToken;
    }

    Result post(Map<String, String> form) throws InterruptedException {
        String signature = TwilioRequestSigner.sign(authToken, url, form);
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        long wait = 1_000;
        for (int attempt = 0; ; attempt++) {
            int status;
            try {
                status = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .header("X-Twilio-Signature", signature).header("User-Agent", "TwilioProxy/1.1")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = -1; // connection failed or read timed out: retried
            }
            if (status >= 200 && status < 300) {
                return Result.ACCEPTED;
            }
            if (status >= 400 && status < 500) {
                return Result.REFUSED;
            }
            if (attempt >= RETRIES) {
                return Result.GAVE_UP;
            }
            Thread.sleep(wait);
            wait *= 2;
        }
    }
}
