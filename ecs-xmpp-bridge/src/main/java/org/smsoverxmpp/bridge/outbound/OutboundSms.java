package org.smsoverxmpp.bridge.outbound;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.jxmpp.jid.EntityBareJid;
import org.smsoverxmpp.bridge.address.PhoneJids;
import org.smsoverxmpp.bridge.address.PhoneJids.Recipient;
import org.smsoverxmpp.bridge.xmpp.StanzaSender;

/**
 * XMPP → the outbox. On the reader thread, quickly: what must never become an SMS is ignored, what cannot
 * be one is answered with an error copy at once, and the rest is handed to the {@link Outbox}, which keeps
 * it until it is sent or answered ({@link OutboxConsumer}). Never silence.
 */
public class OutboundSms {
    /** Ten SMS of 1,600 characters: more is not a text message, and an outbox message has a size limit. */
    static final int MAX_CHARS = 16_000;

    private final PhoneJids jids;
    private final Outbox outbox;
    private final StanzaSender replies;
    private final Clock clock;

    public OutboundSms(PhoneJids jids, Outbox outbox, StanzaSender replies, Clock clock) {
        this.jids = jids;
        this.outbox = outbox;
        this.replies = replies;
        this.clock = clock;
    }

    public void onMessage(Message message) {
        if (!SmsFilter.isForSms(message) || message.getFrom() == null) {
            return;
        }
        EntityBareJid user = message.getFrom().asEntityBareJidIfPossible();
        if (user == null) {
            return; // a server or component, not a person
        }
        if (SmsFilter.isCorrection(message)) {
            reply(message, ErrorReply.cannotCorrect());
            return;
        }
        Attachments attachments = Attachments.of(message);
        if (attachments.isEmpty()) {
            reply(message, ErrorReply.emptyMessage());
            return;
        }
        if (attachments.caption().length() > MAX_CHARS) {
            reply(message, ErrorReply.tooLong(MAX_CHARS));
            return;
        }
        Recipient recipient = jids.recipientOf(message.getTo());
        if (recipient instanceof Recipient.NotAPhone notAPhone) {
            reply(message, ErrorReply.badNumber(notAPhone.reason()));
        } else if (recipient instanceof Recipient.Name name) {
            reply(message, ErrorReply.cannotReplyToName(name.name(), jids.domain()));
        } else if (recipient instanceof Recipient.Phone phone) {
            store(message, attachments, phone.number().e164());
        } else if (recipient instanceof Recipient.ShortCode shortCode) {
            store(message, attachments, shortCode.code());
        }
    }

    /** @param to an E.164 number or a short code */
    private void store(Message message, Attachments attachments, String to) {
        OutboundMessage outbound = new OutboundMessage(UUID.randomUUID().toString(), message.getFrom().toString(),
                message.getStanzaId(), message.getTo().toString(), to, message.getBody(), attachments.caption(),
                attachments.media().stream().map(URI::toString).toList(), DeliveryReceiptRequest.from(message) != null,
                clock.instant());
        Outbox.Acceptance accepted = outbox.accept(outbound);
        if (accepted instanceof Outbox.Acceptance.Busy) {
            reply(message, ErrorReply.busy());
        } else if (accepted instanceof Outbox.Acceptance.Closed) {
            reply(message, ErrorReply.restarting());
        }
    }

    private void reply(Message original, ErrorReply error) {
        replies.send(error.toStanza(original));
    }
}
