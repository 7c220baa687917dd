package org.smsoverxmpp.bridge.outbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A message a user wrote to a phone contact, accepted for sending and held in the outbox until the provider
 * answered: everything the sending needs, and everything an error copy needs (the sender's full JID, the
 * stanza id, the original body).
 *
 * @param id       the outbox's own id for it: one per message read from the stream, never reused
 * @param sender   the full JID that wrote it, which any answer goes back to
 * @param contact  the phone JID it was written to (the error copy comes from there)
 * @param to       the number or short code the SMS goes to
 * @param body     the message's body as written, for an error copy
 * @param caption  the text to send (the body without an attached URL)
 * @param media    attached URLs, sent as MMS media
 */
public record OutboundMessage(String id, String sender, String stanzaId, String contact, String to, String body,
        String caption, List<String> media, boolean receiptRequested, Instant acceptedAt) {

    public OutboundMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        body = body == null ? "" : body;
        caption = caption == null ? "" : caption;
        media = media == null ? List.of() : List.copyOf(media);
    }

    /** The user's bare JID: whose number it is sent from. */
    public String user() {
        int slash = sender.indexOf('/');
        return slash < 0 ? sender : sender.substring(0, slash);
    }

    /**
     * The outbox conversation: one per user and contact, so each conversation leaves in order while others go
     * in parallel. Hashed: FIFO group ids allow only a few characters, and need not show who talks to whom.
     */
    public String conversation() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((user() + "|" + to).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The error copy of this message: same id, its body, from the contact to the full JID that wrote it. */
    public Message errorCopy(ErrorReply reply) {
        MessageBuilder copy = StanzaBuilder.buildMessage(stanzaId)
                .from(JidCreate.fromOrThrowUnchecked(contact))
                .to(JidCreate.fromOrThrowUnchecked(sender))
                .ofType(Message.Type.error)
                .setError(StanzaError.getBuilder(reply.condition()).setType(reply.type()).setDescriptiveEnText(reply.text()).build());
        if (!body.isEmpty()) {
            copy.setBody(body);
        }
        return copy.build();
    }
}
