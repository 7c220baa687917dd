package org.smsoverxmpp.bridge.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smackx.nick.packet.Nick;
import org.jxmpp.jid.EntityBareJid;
import org.smsoverxmpp.bridge.address.PhoneJids;
import org.smsoverxmpp.bridge.media.PublishedMedia;
import org.smsoverxmpp.bridge.xmpp.ext.OriginId;
import org.smsoverxmpp.bridge.xmpp.ext.OutOfBandData;
import org.smsoverxmpp.events.InboundSms;

/**
 * SMS → XMPP, as a pure function: a {@code chat} message from the sender's JID to each mapped user's bare JID
 * (so offline storage, carbons and archives work), text first, then one message per media item.
 * Stanza ids derive from the MessageSid, so a redelivered SMS carries the same ids and clients can tell.
 */
public final class SmsToStanzas {
    private final PhoneJids jids;

    public SmsToStanzas(PhoneJids jids) {
        this.jids = jids;
    }

    /** What an SMS with neither text nor media shows: someone did send one, and it is not lost. */
    static final String EMPTY_SMS = "(empty SMS)";

    /**
     * @param media the SMS's media as the user's client can open them: each available one becomes a message
     *              whose body is exactly the URL and which carries the same URL as jabber:x:oob, so clients show
     *              it inline; each unavailable one adds a line to the text saying so
     */
    public List<Message> convert(InboundSms sms, List<PublishedMedia> media, List<EntityBareJid> users) {
        EntityBareJid from = jids.jidOf(sms.from());
        // A sender ID such as "AMAZON" becomes a lower-case JID; the nick keeps the name as sent.
        Optional<Nick> nick = PhoneJids.isAlphanumericSender(sms.from()) ? Optional.of(new Nick(sms.from())) : Optional.empty();
        List<String> urls = new ArrayList<>();
        StringBuilder text = new StringBuilder(sms.body());
        for (PublishedMedia item : media) {
            if (item instanceof PublishedMedia.Available available) {
                urls.add(available.media().url());
            } else {
                String type = ((PublishedMedia.Unavailable) item).contentType();
                text.append(text.length() == 0 ? "" : "\n").append("(An attachment of this MMS could not be retrieved: ")
                        .append(type).append(".)");
            }
        }
        if (text.length() == 0 && urls.isEmpty()) {
            text.append(EMPTY_SMS);
        }
        List<Message> stanzas = new ArrayList<>();
        for (EntityBareJid user : users) {
            if (text.length() > 0) {
                stanzas.add(chat(sms.messageId(), from, user, nick).setBody(text.toString()).build());
            }
            for (int i = 0; i < urls.size(); i++) {
                stanzas.add(chat(sms.messageId() + "-" + (i + 1), from, user, nick).setBody(urls.get(i))
                        .addExtension(new OutOfBandData(urls.get(i))).build());
            }
        }
        return stanzas;
    }

    private static MessageBuilder chat(String id, EntityBareJid from, EntityBareJid to, Optional<Nick> nick) {
        MessageBuilder message = StanzaBuilder.buildMessage(id).from(from).to(to).ofType(Message.Type.chat)
                .addExtension(new OriginId(id));
        nick.ifPresent(message::addExtension);
        return message;
    }
}
