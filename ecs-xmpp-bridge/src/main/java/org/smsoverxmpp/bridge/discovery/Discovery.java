package org.smsoverxmpp.bridge.discovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.caps.packet.CapsExtension;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverInfoBuilder;

/**
 * What the gateway and its phone contacts say they are (XEP-0030), and the XEP-0115 caps hash of that,
 * so clients can skip asking again. The component is a {@code gateway/sms}; each phone JID a {@code client/sms}.
 */
public final class Discovery {
    public static final String CAPS_NODE = "https://github.com/sms-over-xmpp/sms-over-xmpp";
    static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";

    public enum Entity {
        GATEWAY("gateway", "sms", "SMS gateway", List.of(DISCO_INFO, "jabber:iq:gateway", "urn:xmpp:receipts",
                "urn:xmpp:ping", "vcard-temp", "jabber:x:oob", "http://jabber.org/protocol/caps")),
        PHONE("client", "sms", "SMS", List.of(DISCO_INFO, "urn:xmpp:receipts", "urn:xmpp:ping", "vcard-temp", "jabber:x:oob",
                "http://jabber.org/protocol/caps"));

        final String category;
        final String type;
        final String name;
        final List<String> features;
        final String capsVersion;

        Entity(String category, String type, String name, List<String> features) {
            this.category = category;
            this.type = type;
            this.name = name;
            this.features = features;
            this.capsVersion = capsVersion(category, type, name, features);
        }

        public List<String> features() {
            return features;
        }
    }

    private Discovery() {
    }

    /** The disco#info result for {@code request}, echoing its node (a caps node#ver query). */
    public static DiscoverInfo answer(DiscoverInfo request, Entity entity) {
        DiscoverInfoBuilder result = DiscoverInfo.builder(request.getStanzaId())
                .ofType(IQ.Type.result).from(request.getTo()).to(request.getFrom())
                // Smack's order is (category, name, type).
                .addIdentity(new DiscoverInfo.Identity(entity.category, entity.name, entity.type))
                .addFeatures(entity.features);
        if (request.getNode() != null) {
            result.setNode(request.getNode());
        }
        return result.build();
    }

    /** The caps element for presence sent as {@code entity}. */
    public static CapsExtension caps(Entity entity) {
        return new CapsExtension(CAPS_NODE, entity.capsVersion, "sha-1");
    }

    /**
     * XEP-0115 §5.1 for one identity and no forms: {@code category/type//name<} then each feature and
     * {@code <}, sorted, SHA-1, base64. Written here because Smack keeps its version of this protected.
     */
    static String capsVersion(String category, String type, String name, List<String> features) {
        StringBuilder input = new StringBuilder().append(category).append('/').append(type).append("//").append(name).append('<');
        features.stream().sorted().forEach(feature -> input.append(feature).append('<'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(input.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
