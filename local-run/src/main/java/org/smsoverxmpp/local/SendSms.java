package org.smsoverxmpp.local;

import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.events.ParsedAddress;
import org.smsoverxmpp.events.SmsAddress;

/**
 * {@code bin/sms [--provider twilio|telnyx] FROM TEXT [--media URL]...}: an inbound SMS to the local run, posted
 * and signed exactly as Twilio (or Telnyx) would, to the webhook of the run in progress.
 */
public final class SendSms {
    static final String USAGE = "usage: bin/sms [--provider twilio|telnyx] FROM TEXT [--media URL]... [--to NUMBER]   "
            + "FROM: a phone number (+15551234567), a short code (72345) or a sender ID (AMAZON); NUMBER: one of the "
            + "gateway's (default: the demo user's); --provider: whose webhook it arrives as (default twilio), "
            + "e.g. bin/sms +15551234567 \"hello\"";

    private SendSms() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, Path.of(System.getenv().getOrDefault("LOCAL_DIR", ".local"))));
    }

    static int run(String[] args, Path dir) throws IOException, InterruptedException {
        String provider = "twilio";
        if (args.length >= 2 && args[0].equals("--provider")) {
            provider = args[1];
            args = java.util.Arrays.copyOfRange(args, 2, args.length);
            if (!provider.equals("twilio") && !provider.equals("telnyx")) {
                System.err.println("error: --provider " + provider + " is not simulated here (twilio or telnyx)\n" + USAGE);
                return 2;
            }
        }
        if (args.length < 2 || args[0].startsWith("-")) {
            System.err.println(USAGE);
            return 2;
        }
        String from;
        try {
            from = sender(args[0]);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        List<String> media = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String to = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--media") && i + 1 < args.length) {
                media.add(args[++i]);
            } else if (args[i].equals("--to") && i + 1 < args.length) {
                try {
                    to = PhoneNumber.parse(args[++i], "US").e164();
                } catch (IllegalArgumentException e) {
                    System.err.println("error: --to " + e.getMessage() + "\n" + USAGE);
                    return 2;
                }
            } else {
                text.append(text.length() == 0 ? "" : " ").append(args[i]);
            }
        }
        Path stateFile = dir.resolve("local.properties");
        if (!Files.exists(stateFile)) {
            System.err.println("error: no local run found (" + stateFile + "); start one with bin/run");
            return 1;
        }
        Properties state = new Properties();
        try (Reader reader = Files.newBufferedReader(stateFile, StandardCharsets.UTF_8)) {
            state.load(reader);
        }
        if (provider.equals("telnyx") && state.getProperty("telnyx_signing_key") == null) {
            System.err.println("error: the local run in progress simulates no Telnyx; restart it with bin/run");
            return 1;
        }
        String recipient = to == null ? state.getProperty("number") : to;
        String id;
        HttpResponse<String> response;
        try {
            if (provider.equals("telnyx")) {
                id = UUID.randomUUID().toString();
                Map<String, String> typed = new LinkedHashMap<>();
                media.forEach(url -> typed.put(url, MediaTypes.guess(url)));
                response = new TelnyxWebhookPoster(TelnyxWebhookPoster.key(state.getProperty("telnyx_signing_key")))
                        .post(state.getProperty("telnyx_events_url"),
                                TelnyxWebhookEvents.received(id, from, recipient, text.toString(), typed));
            } else {
                Map<String, String> form = form(state, from, recipient, text.toString(), media);
                id = form.get("MessageSid");
                response = new WebhookPoster(state.getProperty("auth_token"))
                        .postTo(state.getProperty("webhook_url"), state.getProperty("signed_url"), form);
            }
        } catch (IOException e) {
            System.err.println("error: the local webhook did not answer (" + e.getMessage() + "); is bin/run running?");
            return 1;
        }
        if (response.statusCode() != 200) {
            System.err.println("error: the webhook answered " + response.statusCode() + ": " + response.body().trim());
            return 1;
        }
        System.out.println("SMS " + id + " from " + from + " to " + recipient + " accepted (" + provider + ")");
        return 0;
    }

    /**
     * Who the SMS comes from, as Twilio would write it: an address of one of the kinds the gateway delivers
     * ({@link SmsAddress}: E.164, a short code, a sender ID) as it is, or a phone number typed in another format
     * (US unless it has a country code), in E.164.
     */
    static String sender(String text) {
        ParsedAddress parsed = SmsAddress.parse(text);
        if (parsed instanceof SmsAddress address) {
            return address.text();
        }
        try {
            return PhoneNumber.parse(text, "US").e164();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a phone number, a short code or a sender ID: it "
                    + ((ParsedAddress.Invalid) parsed).reason());
        }
    }

    /** The form Twilio posts for an incoming SMS or MMS. */
    static Map<String, String> form(Properties state, String from, String to, String text, List<String> media) {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String sid = (media.isEmpty() ? "SM" : "MM") + HexFormat.of().formatHex(random);
        Map<String, String> form = TwilioWebhookForms.sms(sid, state.getProperty("account_sid"), from, to, text);
        form.put("NumMedia", Integer.toString(media.size()));
        for (int i = 0; i < media.size(); i++) {
            form.put("MediaUrl" + i, media.get(i));
            form.put("MediaContentType" + i, MediaTypes.guess(media.get(i)));
        }
        return form;
    }
}
