package org.smsoverxmpp.webhook.twilio;

/** The account the webhook belongs to and the token Twilio signs its requests with. */
public record TwilioCredentials(String accountSid, String authToken) implements SigningAccount {
    public TwilioCredentials {
        if (accountSid == null || !accountSid.startsWith("AC")) {
            throw new IllegalArgumentException("Twilio accountSid must be an AC... account SID");
        }
        if (authToken == null || authToken.isBlank()) {
            // Failing open here would accept every forged webhook.
            throw new IllegalArgumentException("Twilio authToken is empty");
        }
    }

    /** Twilio signs its webhooks with the account's auth token. */
    @Override
    public String signingKey() {
        return authToken;
    }

    /** Never print the token. */
    @Override
    public String toString() {
        return "TwilioCredentials[accountSid=" + accountSid + ", authToken=***]";
    }
}
