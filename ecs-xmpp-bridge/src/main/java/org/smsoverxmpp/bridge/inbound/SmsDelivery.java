package org.smsoverxmpp.bridge.inbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.packet.Message;
import org.jxmpp.jid.EntityBareJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.mapping.Mappings;
import org.smsoverxmpp.bridge.media.MediaStore;
import org.smsoverxmpp.bridge.media.PublishedMedia;
import org.smsoverxmpp.bridge.provider.Providers;
import org.smsoverxmpp.events.InboundSms;
import org.smsoverxmpp.events.LogSafe;

/**
 * An inbound SMS: who has the number, its media re-hosted, and the chat messages each of them receives.
 * What can never work (a number nobody has, a sender that cannot be a JID) is rejected at once; what may work
 * later (a lookup or a download that failed) is retried.
 */
public final class SmsDelivery implements EventDelivery<InboundSms> {
    private static final Logger LOG = LoggerFactory.getLogger(SmsDelivery.class);
    /** A lookup or a download that failed is tried again soon; the retry policy stretches it on repeats. */
    static final Duration TRANSIENT = Duration.ofSeconds(5);

    private final Mappings mappings;
    private final MediaStore media;
    private final Providers providers;
    private final SmsToStanzas toStanzas;

    public SmsDelivery(Mappings mappings, MediaStore media, Providers providers, SmsToStanzas toStanzas) {
        this.mappings = mappings;
        this.media = media;
        this.providers = providers;
        this.toStanzas = toStanzas;
    }

    @Override
    public DeliveryPlan plan(InboundSms sms) {
        if (!PhoneNumber.isE164(sms.to())) {
            return new DeliveryPlan.Reject("sent to an address that is not an E.164 number");
        }
        List<EntityBareJid> users;
        try {
            users = mappings.usersOf(new PhoneNumber(sms.to()));
        } catch (RuntimeException e) {
            return new DeliveryPlan.Retry(TRANSIENT, "mapping lookup failed: " + e);
        }
        if (users.isEmpty()) {
            // The operator may map the number later and replay it from the dead-letter queue.
            return new DeliveryPlan.Reject("no user is mapped to " + LogSafe.number(sms.to()));
        }
        List<PublishedMedia> published;
        try {
            published = media.publish(sms.messageId(), sms.media(), providers.mediaAccess(sms.provider()));
        } catch (RuntimeException e) {
            return new DeliveryPlan.Retry(TRANSIENT, "could not re-host its media: " + e.getMessage());
        }
        List<Message> stanzas;
        try {
            stanzas = toStanzas.convert(sms, published, users);
        } catch (IllegalArgumentException e) {
            return new DeliveryPlan.Reject(e.getMessage());
        }
        LOG.info("delivering SMS {} from {} to {} user(s)", sms.messageId(), LogSafe.number(sms.from()), users.size());
        List<RecipientStanzas> recipients = new ArrayList<>();
        for (EntityBareJid user : users) {
            String jid = user.toString();
            recipients.add(new RecipientStanzas(jid, stanzas.stream().filter(s -> jid.equals(String.valueOf(s.getTo()))).toList()));
        }
        return new DeliveryPlan.Write(recipients, true);
    }
}
