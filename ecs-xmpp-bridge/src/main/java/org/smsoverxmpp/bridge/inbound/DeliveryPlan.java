package org.smsoverxmpp.bridge.inbound;

import java.time.Duration;
import java.util.List;

/** What to write to XMPP for one queue event, or why not now, or why never. */
public sealed interface DeliveryPlan {

    /**
     * @param retryBounces whether a stanza the server bounces is tried again (an SMS: the user's offline
     *                     storage may be full for now) or not (a receipt for a client that has gone offline)
     */
    record Write(List<RecipientStanzas> recipients, boolean retryBounces) implements DeliveryPlan {
        public Write {
            recipients = List.copyOf(recipients);
        }
    }

    /** Nothing to tell anyone (a status that needs no stanza, a callback for a message we have no record of). */
    record Nothing(String reason) implements DeliveryPlan {
    }

    record Retry(Duration after, String reason) implements DeliveryPlan {
    }

    record Reject(String reason) implements DeliveryPlan {
    }
}
