package org.smsoverxmpp.bridge.media;

import java.util.Map;
import java.util.Set;

/** File extensions for MMS content types, so clients recognise a re-hosted file by its URL. */
final class MediaTypes {
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("image/jpeg", ".jpg"), Map.entry("image/jpg", ".jpg"), Map.entry("image/png", ".png"),
            Map.entry("image/gif", ".gif"), Map.entry("image/webp", ".webp"), Map.entry("image/heic", ".heic"),
            Map.entry("image/bmp", ".bmp"), Map.entry("video/mp4", ".mp4"), Map.entry("video/3gpp", ".3gp"),
            Map.entry("video/quicktime", ".mov"), Map.entry("audio/amr", ".amr"), Map.entry("audio/mpeg", ".mp3"),
            Map.entry("audio/mp4", ".m4a"), Map.entry("audio/ogg", ".ogg"), Map.entry("audio/wav", ".wav"),
            Map.entry("application/pdf", ".pdf"), Map.entry("text/vcard", ".vcf"), Map.entry("text/x-vcard", ".vcf"),
            Map.entry("text/calendar", ".ics"));

    /** Parts of an MMS envelope, not attachments: the layout (SMIL), the text (already the body), XML. */
    private static final Set<String> NOT_ATTACHMENTS = Set.of("application/smil", "application/sdp", "text/plain",
            "application/xml", "text/xml");

    private MediaTypes() {
    }

    static String extension(String contentType) {
        return EXTENSIONS.getOrDefault(base(contentType), ".bin");
    }

    static boolean isAttachment(String contentType) {
        return !NOT_ATTACHMENTS.contains(base(contentType));
    }

    private static String base(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
    }
}
