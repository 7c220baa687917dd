package org.smsoverxmpp.bridge.receipts;

import java.util.Optional;

/** Remembers sent SMS by MessageSid until their status callbacks arrive, across bridge restarts. */
public interface SentMessages {
    void remember(SentMessage message);

    Optional<SentMessage> find(String messageSid);

    /** For a bridge configured without a table: receipts and failure notices are off. */
    SentMessages NONE = new SentMessages() {
        @Override
        public void remember(SentMessage message) {
        }

        @Override
        public Optional<SentMessage> find(String messageSid) {
            return Optional.empty();
        }
    };
}
