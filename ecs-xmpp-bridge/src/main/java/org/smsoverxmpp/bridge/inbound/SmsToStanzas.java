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
import org.smsoverxmpp.bridge.xmpp.ext.OutOfBandData;
import org.smsoverxmpp.events.InboundSms;
import org.smsoverxmpp.events.Media;

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

    /**
     * @param media the SMS's media as the user's client can open them: each becomes a message whose body is
     *              exactly the URL and which carries the same URL as jabber:x:oob, so clients show it inline
     */
    public List<Message> convert(InboundSms sms, List<Media> media, List<EntityBareJid> users) {
        EntityBareJid from = jids.jidOf(sms.from());
        // A sender ID such as "AMAZON" becomes a lower-case JID; the nick keeps the name as sent.
        Optional<Nick> nick = PhoneJids.isAlphanumericSender(sms.from()) ? Optional.of(new Nick(sms.from())) : Optional.empty();
        List<Message> stanzas = new ArrayList<>();
        for (EntityBareJid user : users) {
            if (!sms.body().isEmpty() || media.isEmpty()) {
                stanzas.add(chat(sms.messageSid(), from, user, nick).setBody(sms.body()).build());
            }
            for (int i = 0; i < media.size(); i++) {
                String url = media.get(i).url();
                stanzas.add(chat(sms.messageSid() + "-" + (i + 1), from, user, nick).setBody(url)
                        .addExtension(new OutOfBandData(url)).build());
            }
        }
        return stanzas;
    }

    private static MessageBuilder chat(String id, EntityBareJid from, EntityBareJid to, Optional<Nick> nick) {
        MessageBuilder message = StanzaBuilder.buildMessage(id).from(from).to(to).ofType(Message.Type.chat);
        nick.ifPresent(message::addExtension);
        return message;
    }
}
