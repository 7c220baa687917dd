package org.smsoverxmpp.bridge.outbound;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.receipts.DeliveryReceiptRequest;
import org.jxmpp.jid.EntityBareJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.bridge.address.PhoneJids;
import org.smsoverxmpp.bridge.address.PhoneJids.Recipient;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.mapping.Mappings;
import org.smsoverxmpp.bridge.receipts.SentMessage;
import org.smsoverxmpp.bridge.receipts.SentMessages;
import org.smsoverxmpp.bridge.twilio.SendResult;
import org.smsoverxmpp.bridge.twilio.TwilioSender;
import org.smsoverxmpp.bridge.xmpp.StanzaSender;

/**
 * XMPP → SMS. A message from a mapped user to {@code +E164@domain} leaves as an SMS from the user's number;
 * anything that cannot be sent comes back as an error copy, never silence.
 */
public class OutboundSms {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundSms.class);

    private final PhoneJids jids;
    private final Mappings mappings;
    private final TwilioSender twilio;
    private final ConversationExecutor lanes;
    private final SentMessages sent;
    private final StanzaSender replies;

    public OutboundSms(PhoneJids jids, Mappings mappings, TwilioSender twilio, ConversationExecutor lanes,
            SentMessages sent, StanzaSender replies) {
        this.jids = jids;
        this.mappings = mappings;
        this.twilio = twilio;
        this.lanes = lanes;
        this.sent = sent;
        this.replies = replies;
    }

    /** Called on the XMPP reader thread: decides quickly, sends on a conversation lane. */
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
        Recipient recipient = jids.recipientOf(message.getTo());
        if (recipient instanceof Recipient.NotAPhone notAPhone) {
            reply(message, ErrorReply.badNumber(notAPhone.reason()));
        } else if (recipient instanceof Recipient.Name name) {
            reply(message, ErrorReply.cannotReplyToName(name.name(), jids.domain()));
        } else if (recipient instanceof Recipient.Phone phone) {
            submit(message, attachments, user, phone.number().e164());
        } else if (recipient instanceof Recipient.ShortCode shortCode) {
            submit(message, attachments, user, shortCode.code());
        }
    }

    private void submit(Message message, Attachments attachments, EntityBareJid user, String to) {
        try {
            lanes.submit(user + "|" + to, () -> {
                try {
                    send(message, attachments, user, to);
                } catch (RuntimeException e) {
                    LOG.error("sending to {} for {} failed", to, user, e);
                    reply(message, ErrorReply.temporaryFailure("send it"));
                }
            });
        } catch (RejectedExecutionException e) {
            // Shutting down: the message is refused now rather than lost.
            reply(message, ErrorReply.temporaryFailure("accept it while restarting"));
        }
    }

    /** @param to an E.164 number or a short code */
    private void send(Message message, Attachments attachments, EntityBareJid user, String to) {
        Optional<PhoneNumber> from;
        try {
            from = mappings.numberOf(user);
        } catch (RuntimeException e) {
            LOG.error("mapping lookup for {} failed", user, e);
            reply(message, ErrorReply.temporaryFailure("look up your number"));
            return;
        }
        if (from.isEmpty()) {
            LOG.info("refused SMS from unmapped {}", user);
            reply(message, ErrorReply.notRegistered(user));
            return;
        }
        List<String> parts = SmsSegments.split(attachments.caption(), SmsSegments.TWILIO_MAX_CHARS);
        int sent = 0;
        try {
            List<URI> media = attachments.media();
            for (String part : parts) {
                // Media go with the first part: one MMS, then the rest of a long caption as SMS.
                SendResult result = twilio.send(from.get(), to, part, media);
                media = List.of();
                if (result instanceof SendResult.Sent accepted) {
                    LOG.info("sent SMS {} from {} to {} ({} chars)", accepted.sid(), from.get(), to, part.length());
                    remember(accepted.sid(), message, part);
                    sent++;
                } else {
                    LOG.warn("SMS from {} to {} not sent: {}", user, to, result);
                    reply(message, partly(toError(result), sent, parts.size()));
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(message, partly(ErrorReply.providerUnreachable(false), sent, parts.size()));
        }
    }

    /** For the status callbacks: a receipt, or an error copy if the carrier does not deliver. */
    private void remember(String sid, Message message, String part) {
        try {
            sent.remember(new SentMessage(sid, message.getFrom().toString(), message.getStanzaId(),
                    message.getTo().asBareJid().toString(), DeliveryReceiptRequest.from(message) != null, part));
        } catch (RuntimeException e) {
            // The SMS is on its way; only its receipt or failure notice will be missing.
            LOG.warn("could not record SMS {} for its status callbacks: {}", sid, e.toString());
        }
    }

    /** A long message cut off midway must say so, or the user resends the parts that did leave. */
    private static ErrorReply partly(ErrorReply error, int sent, int total) {
        return sent == 0 ? error : new ErrorReply(error.type(), error.condition(),
                "Only the first " + sent + " of " + total + " parts of this long message were sent. " + error.text());
    }

    private static ErrorReply toError(SendResult result) {
        if (result instanceof SendResult.Rejected rejected && rejected.isTemporary()) {
            return ErrorReply.providerBusy(rejected.httpStatus(), rejected.code(), rejected.message());
        }
        if (result instanceof SendResult.Rejected rejected) {
            return ErrorReply.providerRejected(rejected.code(), rejected.message(), rejected.isServerSide());
        }
        return ErrorReply.providerUnreachable(((SendResult.Unreachable) result).maybeSent());
    }

    private void reply(Message original, ErrorReply error) {
        replies.send(error.toStanza(original));
    }
}
