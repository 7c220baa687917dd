package org.smsoverxmpp.bridge.outbound;

import java.time.Duration;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.StanzaError.Condition;
import org.jivesoftware.smack.packet.StanzaError.Type;
import org.smsoverxmpp.bridge.provider.SendResult;
import org.smsoverxmpp.bridge.provider.SmsProvider;

/**
 * Why a message did not become an SMS, told as the errors table of docs/xmpp-support.md says: a condition, a type
 * and a text a person can act on. Sent as an error copy of the user's message: same id, original body.
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

    /** The provider refused it: the message is wrong for it (4xx), or the provider failed (5xx). */
    public static ErrorReply providerRejected(SmsProvider provider, SendResult.Rejected rejected) {
        String code = rejected.code();
        String more = code == null ? "" : provider.helpFor(code).map(url -> " (" + url + ")").orElse("");
        return new ErrorReply(Type.CANCEL, rejected.isServerSide() ? Condition.internal_server_error : Condition.not_acceptable,
                provider.displayName() + " refused the SMS: error" + (code == null ? "" : " " + code) + ": "
                        + rejected.text() + more);
    }

    /** Surely not sent: the provider said "not now" (429/503) on every try, or could not be reached. */
    public static ErrorReply providerUnavailable(SmsProvider provider, SendResult.Unavailable unavailable) {
        if (!unavailable.answered()) {
            return new ErrorReply(Type.WAIT, Condition.remote_server_timeout,
                    provider.displayName() + " could not be reached; the SMS was not sent. Try again later.");
        }
        return new ErrorReply(Type.WAIT, Condition.remote_server_timeout, provider.displayName()
                + " is temporarily unavailable (HTTP " + unavailable.httpStatus()
                + (unavailable.code() == null ? "" : ", error " + unavailable.code()) + ": " + unavailable.text()
                + "); the SMS was not sent. Try again later.");
    }

    /** The request may have reached the provider: sending again may send it twice. */
    public static ErrorReply outcomeUnknown(String provider) {
        return new ErrorReply(Type.WAIT, Condition.remote_server_timeout,
                provider + " did not answer in time; the SMS may or may not have been sent.");
    }

    /** The user's mapping names a provider this gateway has no credentials for: only the operator can fix it. */
    public static ErrorReply providerNotConfigured(String provider) {
        return new ErrorReply(Type.CANCEL, Condition.service_unavailable, "Your number is set to send through '"
                + provider + "', which this gateway is not configured for; the SMS was not sent. Ask the operator.");
    }

    /** The gateway stopped while sending it and cannot tell whether the provider took it. */
    public static ErrorReply interruptedWhileSending() {
        return new ErrorReply(Type.WAIT, Condition.remote_server_timeout, "The gateway restarted while sending this; "
                + "it may or may not have been sent. Check with the recipient before sending it again.");
    }

    /** Accepted while the gateway could not send for a long time: sending it now would surprise everyone. */
    public static ErrorReply tooLate(Duration waited) {
        return new ErrorReply(Type.WAIT, Condition.remote_server_timeout, "The gateway could not send this for "
                + waited.toMinutes() + " minutes, so it was not sent. Send it again if it still matters.");
    }

    /** The outbox is full: nothing was taken. */
    public static ErrorReply busy() {
        return new ErrorReply(Type.WAIT, Condition.resource_constraint,
                "The gateway is too busy to take this message; it was not sent. Send it again in a moment.");
    }

    /** The gateway is shutting down: nothing was taken. */
    public static ErrorReply restarting() {
        return new ErrorReply(Type.WAIT, Condition.remote_server_timeout,
                "The gateway is restarting; the message was not sent. Send it again in a minute.");
    }

    /** More parts than an SMS conversation should take at once. */
    public static ErrorReply tooLong(int maxChars) {
        return new ErrorReply(Type.MODIFY, Condition.policy_violation, "The message is longer than " + maxChars
                + " characters, too long to send as SMS; it was not sent. Shorten it or split it.");
    }

    /** What a provider's answer means to the user; a {@link SendResult.Sent} needs no answer. */
    public static ErrorReply of(SendResult result, SmsProvider provider) {
        if (result instanceof SendResult.Rejected rejected) {
            return providerRejected(provider, rejected);
        }
        if (result instanceof SendResult.Unavailable unavailable) {
            return providerUnavailable(provider, unavailable);
        }
        if (result instanceof SendResult.OutcomeUnknown) {
            return outcomeUnknown(provider.displayName());
        }
        throw new IllegalArgumentException("a sent message needs no error reply");
    }

    /** A long message cut off midway must say so, or the user resends the parts that did leave. */
    public static ErrorReply partly(ErrorReply error, int sent, int total) {
        return sent == 0 ? error : new ErrorReply(error.type(), error.condition(),
                "Only the first " + sent + " of " + total + " parts of this long message were sent. " + error.text());
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
