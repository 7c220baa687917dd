package org.smsoverxmpp.bridge.provider;

/**
 * What became of one message handed to a provider, in the four cases the rest of the gateway tells apart. The
 * difference that matters most is between {@link Unavailable} (surely not sent: safe to send again) and
 * {@link OutcomeUnknown} (the request may have reached the provider: sending again may send it twice).
 */
public sealed interface SendResult {

    /**
     * For a log line: the status and code, never the provider's text, which quotes numbers ("The 'To' number
     * +15005550001 is not a valid phone number").
     */
    String summary();

    /** The provider took it; {@code messageId} identifies it in later status reports. */
    record Sent(String messageId) implements SendResult {
        @Override
        public String summary() {
            return "sent";
        }
    }

    /**
     * The provider refused it, with its error code (Twilio's 21211, Telnyx's 40310; null if none) and its text.
     * {@code httpStatus} is 0 if unknown. A 5xx is the provider failing, not the message being wrong.
     */
    record Rejected(int httpStatus, String code, String text) implements SendResult {
        public boolean isServerSide() {
            return httpStatus >= 500;
        }

        @Override
        public String summary() {
            return "refused: HTTP " + httpStatus + (code == null ? "" : ", error " + code);
        }
    }

    /**
     * Surely not sent, after every retry: the provider could not be reached ({@code httpStatus} 0), or it answered
     * "not now" (429, 503) before acting, with its code and text.
     */
    record Unavailable(int httpStatus, String code, String text) implements SendResult {
        public static Unavailable unreachable(String reason) {
            return new Unavailable(0, null, reason);
        }

        public boolean answered() {
            return httpStatus != 0;
        }

        @Override
        public String summary() {
            return answered() ? "busy: HTTP " + httpStatus + (code == null ? "" : ", error " + code) + " (not sent)"
                    : "unreachable (not sent)";
        }
    }

    /** The request may have reached the provider, but no answer came back: it may or may not have been sent. */
    record OutcomeUnknown(String reason) implements SendResult {
        @Override
        public String summary() {
            return "no answer (may have been sent)";
        }
    }
}
