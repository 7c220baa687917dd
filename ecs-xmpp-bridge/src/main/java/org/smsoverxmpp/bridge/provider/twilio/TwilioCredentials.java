package org.smsoverxmpp.bridge.provider.twilio;

/**
 * How the bridge authenticates to Twilio's REST API: an API key (recommended, revocable) or the account's
 * auth token. {@link #toString()} never shows the secret.
 */
public record TwilioCredentials(String accountSid, String username, String password) {

    public static TwilioCredentials apiKey(String accountSid, String keySid, String keySecret) {
        return new TwilioCredentials(accountSid, keySid, keySecret);
    }

    public static TwilioCredentials authToken(String accountSid, String authToken) {
        return new TwilioCredentials(accountSid, accountSid, authToken);
    }

    @Override
    public String toString() {
        return "TwilioCredentials[accountSid=" + accountSid + ", username=" + username + ", password=***]";
    }
}
