package org.smsoverxmpp.webhook.twilio;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.smsoverxmpp.events.QueueEvent;
import org.smsoverxmpp.webhook.http.WebhookRejection;
import org.smsoverxmpp.webhook.http.WebhookRequest;
import org.smsoverxmpp.webhook.provider.Received;

/**
 * SnapStart's priming for a Twilio-format SMS route: signed synthetic SMS forms, run through the route's every
 * check with the real key, so the form parser, the signature check and the field rules are warm.
 */
final class TwilioFormPriming {
    static final String PRIMING_URL = "https://priming.invalid/sms";

    private TwilioFormPriming() {
    }

    static List<QueueEvent> prime(TwilioFormRoute smsRoute, SigningAccount account, int count)
            throws WebhookRejection {
        List<QueueEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (smsRoute.read(request(smsRoute.path(), account, i), Instant.now()) instanceof Received.Event event) {
                events.add(event.event());
            }
        }
        return events;
    }

    private static WebhookRequest request(String route, SigningAccount account, int n) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", String.format("SM%032d", n));
        form.put("AccountSid", account.accountSid());
        form.put("From", "+15550000000");
        form.put("To", "+15550000001");
        form.put("Body", "priming " + n + " é 👋");
        form.put("NumMedia", "0");
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new WebhookRequest("POST", route, PRIMING_URL,
                Map.of("Content-Type", "application/x-www-form-urlencoded",
                        TwilioSignature.HEADER, TwilioRequestSigner.sign(account.signingKey(), PRIMING_URL, form)),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
