package org.smsoverxmpp.webhook.signalwire;

import org.smsoverxmpp.webhook.twilio.SigningAccount;

/**
 * The SignalWire project the webhook belongs to and the key SignalWire signs its webhooks with (the space's
 * API page shows both). In SignalWire's Twilio-format webhooks, {@code AccountSid} is the project id.
 */
public record SignalWireCredentials(String projectId, String signingKey) implements SigningAccount {
    public SignalWireCredentials {
        if (projectId == null || projectId.isBlank()) {
            throw new IllegalArgumentException("SignalWire projectId is empty");
        }
        if (signingKey == null || signingKey.isBlank()) {
            // Failing open here would accept every forged webhook.
            throw new IllegalArgumentException("SignalWire signingKey is empty");
        }
    }

    @Override
    public String accountSid() {
        return projectId;
    }

    /** Never print the key. */
    @Override
    public String toString() {
        return "SignalWireCredentials[projectId=" + projectId + ", signingKey=***]";
    }
}
