package org.smsoverxmpp.bridge.presence;

import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.smsoverxmpp.bridge.discovery.Discovery;
import org.smsoverxmpp.bridge.xmpp.StanzaSender;

/**
 * Phone contacts and the gateway behave like always-available contacts: a subscription is accepted and
 * returned (clients such as Conversations show images inline only with a mutual subscription), probes
 * are answered, unsubscriptions acknowledged. No state is kept.
 */
public final class PresenceResponder {
    private final StanzaSender xmpp;

    public PresenceResponder(StanzaSender xmpp) {
        this.xmpp = xmpp;
    }

    public void onPresence(Presence presence) {
        Jid contact = presence.getTo();
        Jid from = presence.getFrom();
        if (contact == null || from == null) {
            return;
        }
        BareJid user = from.asBareJid();
        switch (presence.getType()) {
            case subscribe -> {
                send(Presence.Type.subscribed, contact, user);
                send(Presence.Type.subscribe, contact, user);
                available(contact, user);
            }
            case probe -> available(contact, user);
            case unsubscribe -> send(Presence.Type.unsubscribed, contact, user);
            case unsubscribed -> send(Presence.Type.unavailable, contact, user);
            default -> {
                // available/unavailable/subscribed/error from the user need no answer
            }
        }
    }

    private void available(Jid contact, BareJid user) {
        Discovery.Entity entity = contact.getLocalpartOrNull() == null ? Discovery.Entity.GATEWAY : Discovery.Entity.PHONE;
        xmpp.send(StanzaBuilder.buildPresence().ofType(Presence.Type.available).from(contact).to(user)
                .addExtension(Discovery.caps(entity)).build());
    }

    private void send(Presence.Type type, Jid contact, BareJid user) {
        xmpp.send(StanzaBuilder.buildPresence().ofType(type).from(contact).to(user).build());
    }
}
