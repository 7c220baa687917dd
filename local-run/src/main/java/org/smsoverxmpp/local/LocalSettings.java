package org.smsoverxmpp.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * What the local run uses, from environment variables with defaults that need nothing from AWS or Twilio.
 * Real Twilio is used when TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_NUMBER are all set.
 */
public record LocalSettings(
        Path dir,
        int c2sPort,
        int componentPort,
        int webhookPort,
        int twilioSimulatorPort,
        int telnyxSimulatorPort,
        int motoPort,
        int queuePort,
        String componentDomain,
        String demoUser,
        String demoPassword,
        String demoNumber,
        Optional<String> awsEndpoint,
        EmulatorChoice.Asked emulator,
        Optional<RealTwilio> realTwilio,
        Optional<String> publicBaseUrl) {

    /** A real Twilio account: the webhook then needs a public URL (a tunnel) to be reached. */
    public record RealTwilio(String accountSid, String authToken, String number) {
        @Override
        public String toString() {
            return "RealTwilio[" + accountSid + ", " + number + "]";
        }
    }

    public static LocalSettings from(Map<String, String> env) throws IOException {
        Path dir = Files.createDirectories(Path.of(env.getOrDefault("LOCAL_DIR", ".local")).toAbsolutePath());
        Optional<RealTwilio> real = Optional.empty();
        if (present(env, "TWILIO_ACCOUNT_SID") && present(env, "TWILIO_AUTH_TOKEN") && present(env, "TWILIO_NUMBER")) {
            real = Optional.of(new RealTwilio(env.get("TWILIO_ACCOUNT_SID"), env.get("TWILIO_AUTH_TOKEN"),
                    env.get("TWILIO_NUMBER")));
        }
        return new LocalSettings(dir,
                port(env, "XMPP_C2S_PORT", 5222), port(env, "XMPP_COMPONENT_PORT", 5347),
                port(env, "WEBHOOK_PORT", 8080), port(env, "TWILIO_SIMULATOR_PORT", 8089),
                port(env, "TELNYX_SIMULATOR_PORT", 8090), port(env, "MOTO_PORT", 5000),
                port(env, "SQS_PORT", 9324),
                env.getOrDefault("COMPONENT_DOMAIN", "sms.localhost"),
                env.getOrDefault("DEMO_USER", "demo"),
                present(env, "DEMO_PASSWORD") ? env.get("DEMO_PASSWORD") : rememberedPassword(dir),
                real.map(RealTwilio::number).orElse(env.getOrDefault("DEMO_NUMBER", "+15550000001")),
                Optional.ofNullable(env.get("AWS_ENDPOINT_URL")).filter(s -> !s.isBlank()),
                EmulatorChoice.asked(env),
                real,
                Optional.ofNullable(env.get("PUBLIC_BASE_URL")).filter(s -> !s.isBlank()));
    }

    public String webhookBaseUrl() {
        return publicBaseUrl.orElse("http://127.0.0.1:" + webhookPort);
    }

    private static boolean present(Map<String, String> env, String name) {
        return env.get(name) != null && !env.get(name).isBlank();
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a port number (got '" + value + "')");
    }

    /** The demo password is made once and kept, so a client that saved it keeps working. */
    private static String rememberedPassword(Path dir) throws IOException {
        Path file = dir.resolve("demo-password");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        byte[] bytes = new byte[9];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        return password;
    }
}
