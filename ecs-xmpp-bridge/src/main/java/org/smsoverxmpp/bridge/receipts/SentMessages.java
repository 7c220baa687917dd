package org.smsoverxmpp.bridge.receipts;

import java.util.Optional;

/** Remembers sent SMS by the provider's message id until their status reports arrive, across bridge restarts. */
public interface SentMessages {
    void remember(SentMessage message);

    Optional<SentMessage> find(String messageId);

    /** For a bridge configured without a table: receipts and failure notices are off. */
    SentMessages NONE = new SentMessages() {
        @Override
        public void remember(SentMessage message) {
        }

        @Override
        public Optional<SentMessage> find(String messageId) {
            return Optional.empty();
        }
    };
}
