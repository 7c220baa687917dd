package org.smsoverxmpp.bridge.xmpp;

import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.BodyElementProvider;
import org.jivesoftware.smack.provider.MessageSubjectElementProvider;
import org.jivesoftware.smack.provider.MessageThreadElementProvider;
import org.jivesoftware.smack.provider.ProviderManager;
import org.smsoverxmpp.bridge.xmpp.ext.GatewayQuery;
import org.smsoverxmpp.bridge.xmpp.ext.GatewayQueryProvider;
import org.smsoverxmpp.bridge.xmpp.ext.OriginId;
import org.smsoverxmpp.bridge.xmpp.ext.OriginIdProvider;
import org.smsoverxmpp.bridge.xmpp.ext.OutOfBandData;
import org.smsoverxmpp.bridge.xmpp.ext.OutOfBandDataProvider;

/**
 * Smack models client streams. A component stream's default namespace is {@code jabber:component:accept},
 * so two adjustments make Smack's stanza model fit it.
 */
public final class StanzaCodec {
    public static final String COMPONENT_NAMESPACE = "jabber:component:accept";

    /**
     * Serializing as if the enclosing namespace were jabber:client drops Smack's {@code xmlns='jabber:client'}
     * from the stanza, so it inherits the stream's jabber:component:accept as XEP-0114 requires.
     */
    private static final XmlEnvironment STREAM = new XmlEnvironment("jabber:client");

    static {
        // Smack registers body/subject/thread only for jabber:client; without these, getBody() is null
        // for every message a component receives.
        ProviderManager.addExtensionProvider("body", COMPONENT_NAMESPACE, new BodyElementProvider());
        ProviderManager.addExtensionProvider("subject", COMPONENT_NAMESPACE, new MessageSubjectElementProvider());
        ProviderManager.addExtensionProvider("thread", COMPONENT_NAMESPACE, new MessageThreadElementProvider());
        // Ours: Smack has neither.
        ProviderManager.addExtensionProvider(OutOfBandData.ELEMENT, OutOfBandData.NAMESPACE, OutOfBandDataProvider.INSTANCE);
        ProviderManager.addIQProvider(GatewayQuery.ELEMENT, GatewayQuery.NAMESPACE, GatewayQueryProvider.INSTANCE);
        ProviderManager.addExtensionProvider(OriginId.ELEMENT, OriginId.NAMESPACE, OriginIdProvider.INSTANCE);
    }

    private StanzaCodec() {
    }

    /** Call before parsing; safe to call many times. */
    public static void install() {
        // the static initializer does the work
    }

    /** What a stanza becomes on the stream: its XML, or the reason it cannot be written. */
    public sealed interface Encoding {
        record Xml(String xml) implements Encoding {
        }

        /** Writing it would break the stream; this is always our bug, and the stanza is not sent. */
        record Refused(String reason) implements Encoding {
        }
    }

    /**
     * The one place where stanzas become bytes. Smack serializes, {@link XmlRepair} applies the documented
     * replacements where Smack's escaping falls short, and {@link StrictXmlCheck} refuses whatever is still
     * not one well-formed stanza, so no stanza can cost the stream.
     */
    public static Encoding encode(Stanza stanza) {
        if (stanza.getFrom() == null) {
            // Prosody 13 disconnects components that omit it, and a stanza without one is always our bug.
            return new Encoding.Refused("stanza without 'from': " + stanza.getClass().getSimpleName());
        }
        String xml;
        try {
            // toString first: Smack's builder re-joins its parts on every charAt.
            xml = XmlRepair.repair(stanza.toXML(STREAM).toString());
        } catch (RuntimeException | AssertionError e) {
            // A library element that cannot serialize itself (Smack's ad-hoc command without a node fails an
            // assertion, or throws once assertions are off) must not reach the stream.
            return new Encoding.Refused("could not serialize " + stanza.getClass().getSimpleName() + ": " + e);
        }
        return StrictXmlCheck.problemWith(xml).<Encoding>map(Encoding.Refused::new).orElseGet(() -> new Encoding.Xml(xml));
    }
}
