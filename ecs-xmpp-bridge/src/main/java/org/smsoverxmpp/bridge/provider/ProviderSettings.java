package org.smsoverxmpp.bridge.provider;

/** One configured provider, as read from the environment by its own package: enough to open it. */
public interface ProviderSettings {

    String name();

    /** @param maxConnections how many messages may be in flight to it at once */
    SmsProvider open(int maxConnections);
}
