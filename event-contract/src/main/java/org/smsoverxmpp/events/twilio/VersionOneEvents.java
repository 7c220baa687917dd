package org.smsoverxmpp.events.twilio;

import static org.smsoverxmpp.events.EventCodec.instant;
import static org.smsoverxmpp.events.EventCodec.media;
import static org.smsoverxmpp.events.EventCodec.optional;
import static org.smsoverxmpp.events.EventCodec.required;

import com.fasterxml.jackson.databind.JsonNode;
import org.smsoverxmpp.events.DeliveryStatus;
import org.smsoverxmpp.events.EventCodec;
import org.smsoverxmpp.events.InboundSms;
import org.smsoverxmpp.events.MalformedEventException;
import org.smsoverxmpp.events.QueueEvent;

/**
 * Version 1 of the contract, which only Twilio's webhook wrote: {@code messageSid} and {@code accountSid}, and
 * Twilio's own status words. A bridge reads these for as long as a queue may hold one (the events queue keeps a
 * message 4 days, its dead-letter queue 14); nothing writes them any more.
 */
public final class VersionOneEvents {
    public static final int VERSION = 1;
    static final String PROVIDER = "twilio";

    private VersionOneEvents() {
    }

    public static QueueEvent decode(JsonNode json) throws MalformedEventException {
        String type = required(json, "type");
        try {
            return switch (type) {
                case EventCodec.TYPE_SMS -> {
                    required(json, "accountSid");
                    yield new InboundSms(PROVIDER, required(json, "messageSid"),
                            required(json, "from"), required(json, "to"),
                            json.path("body").asText(""), media(json), instant(json));
                }
                case EventCodec.TYPE_STATUS -> {
                    required(json, "accountSid");
                    yield new DeliveryStatus(PROVIDER, required(json, "messageSid"),
                            TwilioStatuses.neutral(required(json, "status")), optional(json, "errorCode"), null,
                            json.path("from").asText(""), json.path("to").asText(""), instant(json));
                }
                default -> throw new MalformedEventException("unknown event type '" + type + "'");
            };
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new MalformedEventException("invalid version 1 " + type + " event: " + e.getMessage(), e);
        }
    }
}
