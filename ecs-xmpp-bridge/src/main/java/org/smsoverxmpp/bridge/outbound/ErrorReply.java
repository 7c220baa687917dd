package org.smsoverxmpp.bridge.outbound;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaBuilder;
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

    /** Letters where a number belongs: a typo, or a reply to a named sender such as "AMAZON". */
    public static ErrorReply cannotReplyToName(String name, Object domain) {
        return new ErrorReply(Type.CANCEL, Condition.feature_not_implemented, "'" + name + "' is not a phone number: "
                + "write to +<country code><number>@" + domain + ", e.g. +15551234567@" + domain + ". If '" + name
                + "' is the name an SMS came from (an alphanumeric sender ID), it cannot receive replies.");
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

    /**
     * The error copy, addressed back to the full JID that sent {@code original}: its id and its body, nothing
     * else of it (its other elements are the client's, and may be ones the gateway could not read).
     */
    public Message toStanza(Message original) {
        StanzaError error = StanzaError.getBuilder(condition).setType(type).setDescriptiveEnText(text).build();
        MessageBuilder copy = StanzaBuilder.buildMessage(original.getStanzaId())
                .from(original.getTo())
                .to(original.getFrom())
                .ofType(Message.Type.error)
                .setError(error);
        if (original.getBody() != null) {
            copy.setBody(original.getBody());
        }
        return copy.build();
    }
}
