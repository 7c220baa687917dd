package org.smsoverxmpp.bridge.provider;

import java.util.Optional;

/**
 * What the gateway needs of an SMS provider, and all it knows of one: a name, a way to send, credentials for the
 * provider's own media hosts, and words for its error codes. One package per provider implements it; nothing
 * outside those packages names a provider.
 */
public interface SmsProvider {

    /** The name in events and mappings ({@code twilio}); see {@code ProviderName}. */
    String name();

    /** The name a person reads in an error ("Twilio refused the SMS"). */
    String displayName();

    /**
     * Sends one SMS or MMS. Retries only where the request surely did not reach the provider, so nothing is sent
     * twice; the result says which of the four things happened.
     */
    SendResult send(SmsRequest request) throws InterruptedException;

    /** The credentials for the provider's own media URLs, and for nothing else. */
    MediaAccess mediaAccess();

    /** The most characters one message to this provider may hold; longer texts are split. */
    int maxCharacters();

    /**
     * What the provider's delivery error means, for the notice that an SMS was not delivered: "Twilio error
     * 30003: the destination handset is unreachable (off or out of coverage)".
     *
     * @param code the provider's code, or null
     * @param text the provider's own words from the status report, or null
     */
    String describeDeliveryError(String code, String text);

    /** Where a person reads more about a refusal with this code, when the provider publishes such a page. */
    Optional<String> helpFor(String code);
}
