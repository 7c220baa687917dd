package org.smsoverxmpp.bridge.receipts;

import java.util.List;
import java.util.Optional;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.receipts.DeliveryReceipt;
import org.jxmpp.jid.impl.JidCreate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.bridge.provider.Providers;
import org.smsoverxmpp.events.DeliveryStatus;
import org.smsoverxmpp.events.MessageStatus;

/**
 * Status reports → XMPP: {@code delivered} becomes a XEP-0184 receipt to the full JID that asked for one;
 * {@code undelivered}/{@code failed} an error copy of the original message (same id, its text,
 * wait/recipient-unavailable, and what the provider's error code means). Other statuses need nothing.
 */
public final class DeliveryReports {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReports.class);

    private final SentMessages sent;
    private final Providers providers;

    public DeliveryReports(SentMessages sent, Providers providers) {
        this.sent = sent;
        this.providers = providers;
    }

    /** @throws RuntimeException when the record cannot be read now (the status is then redelivered) */
    public List<Stanza> stanzasFor(DeliveryStatus status) {
        boolean delivered = status.status() == MessageStatus.DELIVERED;
        boolean failed = status.status().isFailure();
        if (!delivered && !failed) {
            return List.of();
        }
        Optional<SentMessage> record = sent.find(status.messageId());
        if (record.isEmpty()) {
            LOG.info("status {} for {}, which this gateway has no record of", status.status().wire(), status.messageId());
            return List.of();
        }
        SentMessage message = record.get();
        if (delivered) {
            return message.receiptRequested() && message.stanzaId() != null ? List.of(receipt(message)) : List.of();
        }
        return List.of(errorCopy(message,
                providers.describeDeliveryError(status.provider(), status.errorCode(), status.errorText())));
    }

    static Message receipt(SentMessage message) {
        return StanzaBuilder.buildMessage("receipt-" + message.messageId())
                .from(JidCreate.fromOrThrowUnchecked(message.contact()))
                .to(JidCreate.fromOrThrowUnchecked(message.sender()))
                .ofType(Message.Type.chat)
                .addExtension(new DeliveryReceipt(message.stanzaId()))
                .build();
    }

    static Message errorCopy(SentMessage message, String why) {
        StanzaError error = StanzaError.getBuilder(StanzaError.Condition.recipient_unavailable)
                .setType(StanzaError.Type.WAIT)
                .setDescriptiveEnText("The SMS was not delivered: " + why + ".")
                .build();
        return StanzaBuilder.buildMessage(message.stanzaId())
                .from(JidCreate.fromOrThrowUnchecked(message.contact()))
                .to(JidCreate.fromOrThrowUnchecked(message.sender()))
                .ofType(Message.Type.error)
                .setBody(message.body())
                .setError(error)
                .build();
    }
}
