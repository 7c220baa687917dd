package org.smsoverxmpp.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** An SMS or MMS that arrived at one of our numbers. {@code body} is empty, never null, for media-only MMS. */
public record InboundSms(
        String provider,
        String messageId,
        String from,
        String to,
        String body,
        List<Media> media,
        Instant receivedAt) implements QueueEvent {

    public InboundSms {
        ProviderName.check(provider);
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(receivedAt, "receivedAt");
        body = body == null ? "" : body;
        media = media == null ? List.of() : List.copyOf(media);
    }

    @Override
    public String deduplicationId() {
        return FifoKeys.sanitize(provider + ":" + messageId);
    }
}
