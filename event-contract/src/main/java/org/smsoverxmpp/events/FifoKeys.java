package org.smsoverxmpp.events;

final class FifoKeys {
    /** SQS caps MessageGroupId and MessageDeduplicationId at 128 characters. */
    static final int MAX_LENGTH = 128;

    private FifoKeys() {
    }

    static String sanitize(String key) {
        StringBuilder out = new StringBuilder(Math.min(key.length(), MAX_LENGTH));
        for (int i = 0; i < key.length() && out.length() < MAX_LENGTH; i++) {
            char c = key.charAt(i);
            out.append(c > 0x20 && c < 0x7f ? c : '_');
        }
        return out.toString();
    }
}
