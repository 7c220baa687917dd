package org.smsoverxmpp.bridge.outbound;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.jivesoftware.smack.packet.StanzaError.Type;

/**
 * Why a message did not become an SMS, as the conventions table says to tell it: a condition, a type and a
 * text a person can act on. Sent as an error copy of the user's message: same id, original body.
 */
public record ErrorReply(Type type, Condition condition, String text) {

    public static ErrorReply notRegistered(Object user) {
        return new ErrorReply(Type.AUTH, Condition.registration_required,
                user + " has no phone number on this gateway; ask the operator to map one to your account.");
    }

    public static ErrorReply badNumber(String reason) {
        return new ErrorReply(Type.CANCEL, Condition.item_not_found, reason);
    }

    public static ErrorReply cannotReplyToName(String name) {
        return new ErrorReply(Type.CANCEL, Condition.feature_not_implemented, "'" + name + "' is an alphanumeric "
                + "sender ID: it can send you SMS, but SMS cannot be sent to it.");
    }

    public static ErrorReply cannotCorrect() {
        return new ErrorReply(Type.CANCEL, Condition.feature_not_implemented,
                "An SMS cannot be corrected once sent; the correction was not sent. Send a new message instead.");
    }

    public static ErrorReply emptyMessage() {
        return new ErrorReply(Type.MODIFY, Condition.policy_violation, "Empty messages cannot be sent as SMS.");
    }

    public static ErrorReply providerRejected(Integer code, String message, boolean serverSide) {
        String codeText = code == null ? "" : " " + code;
        String more = code == null ? "" : " (https://www.twilio.com/docs/errors/" + code + ")";
        return new ErrorReply(Type.CANCEL, serverSide ? Condition.internal_server_error : Condition.not_acceptable,
                "Twilio refused the SMS: error" + codeText + ": " + message + more);
    }

    /** Twilio said "not now" (429/503) on every try: nothing was sent. */
    public static ErrorReply providerBusy(int httpStatus, Integer code, String message) {
        return new ErrorReply(Type.WAIT, Condition.remote_server_timeout, "Twilio is temporarily unavailable (HTTP "
                + httpStatus + (code == null ? "" : ", error " + code) + ": " + message
                + "); the SMS was not sent. Try again later.");
    }

    public static ErrorReply providerUnreachable(boolean maybeSent) {
        return new ErrorReply(Type.WAIT, Condition.remote_server_timeout, maybeSent
                ? "Twilio did not answer in time; the SMS may or may not have been sent."
                : "Twilio could not be reached; the SMS was not sent. Try again later.");
    }

    public static ErrorReply temporaryFailure(String what) {
        return new ErrorReply(Type.WAIT, Condition.internal_server_error,
                "The gateway could not " + what + " just now; the SMS was not sent. Try again later.");
    }

    /** The error copy, addressed back to the full JID that sent {@code original}. */
    public Message toStanza(Message original) {
        StanzaError error = StanzaError.getBuilder(condition).setType(type).setDescriptiveEnText(text).build();
        return original.asBuilder()
                .from(original.getTo())
                .to(original.getFrom())
                .ofType(Message.Type.error)
                .setError(error)
                .build();
    }
}
