package org.smsoverxmpp.bridge.outbound;

import org.jivesoftware.smack.packet.Message;

/** Which messages become SMS: named predicates so the routing reads as prose. */
public final class SmsFilter {
    private SmsFilter() {
    }

    /** Chat, normal or untyped; never errors (no loops), groupchat or headlines. */
    public static boolean isPersonalMessage(Message message) {
        Message.Type type = message.getType();
        return type == Message.Type.chat || type == Message.Type.normal;
    }

    /** Chat states, receipts, markers and corrections without text carry no {@code <body>} at all. */
    public static boolean hasBodyElement(Message message) {
        return message.getBody() != null;
    }

    /** XEP-0308: an edit of a message already sent; an SMS cannot be edited. */
    public static boolean isCorrection(Message message) {
        return message.hasExtension("replace", "urn:xmpp:message-correct:0");
    }

    /** A message worth answering: personal, with a body element (which may still be empty). */
    public static boolean isForSms(Message message) {
        return isPersonalMessage(message) && hasBodyElement(message);
    }
}
