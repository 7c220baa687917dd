package org.smsoverxmpp.webhook.twilio;

/**
 * An account whose webhooks are Twilio-format forms signed the way Twilio signs them: Twilio's own, and
 * those of providers that copy Twilio's webhooks (SignalWire).
 */
public interface SigningAccount {

    /** What the form's {@code AccountSid} must be. */
    String accountSid();

    /** The HMAC key the webhooks are signed with. */
    String signingKey();
}
