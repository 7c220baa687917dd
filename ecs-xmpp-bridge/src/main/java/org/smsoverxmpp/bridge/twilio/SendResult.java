package org.smsoverxmpp.bridge.twilio;

/** What became of one SMS we asked Twilio to send. */
public sealed interface SendResult {

    /**
     * For a log line: the status and code, never the provider's text, which quotes numbers ("The 'To' number
     * +15005550001 is not a valid phone number").
     */
    default String summary() {
        if (this instanceof Rejected rejected) {
            return "refused: HTTP " + rejected.httpStatus() + (rejected.code() == null ? "" : ", error " + rejected.code());
        }
        if (this instanceof Unreachable unreachable) {
            return unreachable.maybeSent() ? "no answer (may have been sent)" : "unreachable (not sent)";
        }
        return "sent";
    }

    /** Twilio accepted it; {@code sid} identifies it in later status callbacks. */
    record Sent(String sid) implements SendResult {
    }

    /** Twilio refused it, with its error code (e.g. 21211) and text. {@code httpStatus} is 0 if unknown. */
    record Rejected(int httpStatus, Integer code, String message) implements SendResult {
        public boolean isServerSide() {
            return httpStatus >= 500;
        }

        /** 429 and 503: Twilio did not act and asks to come back later. */
        public boolean isTemporary() {
            return httpStatus == 429 || httpStatus == 503;
        }
    }

    /**
     * We could not tell Twilio, or could not hear its answer. {@code maybeSent} is true when the request may
     * have reached Twilio (the answer was lost), so the user should not simply resend.
     */
    record Unreachable(String reason, boolean maybeSent) implements SendResult {
    }
}
