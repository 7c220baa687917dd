package org.smsoverxmpp.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.regex.Pattern;
import org.smsoverxmpp.events.DeliveryStatus;
import org.smsoverxmpp.events.EventCodec;
import org.smsoverxmpp.events.InboundSms;
import org.smsoverxmpp.events.Media;
import org.smsoverxmpp.events.QueueEvent;
import org.smsoverxmpp.events.SmsAddress;

/** What every event the webhook queues must be, whichever provider's webhook it came from (docs/event-contract.md). */
public final class ContractAssertions {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final EventCodec CODEC = new EventCodec();

    private ContractAssertions() {
    }

    public static void assertKeepsTheContract(QueueEvent event, String provider) throws Exception {
        assertThat(event.provider()).isEqualTo(provider);
        assertThat(event.messageId()).matches(ID);
        if (event instanceof InboundSms sms) {
            assertThat(SmsAddress.parse(sms.from())).isInstanceOf(SmsAddress.class);
            assertThat(SmsAddress.parse(sms.to())).isInstanceOf(SmsAddress.Phone.class);
            assertThat(sms.body().codePointCount(0, sms.body().length())).isLessThanOrEqualTo(1600);
            assertThat(sms.media()).hasSizeLessThanOrEqualTo(10);
            for (Media media : sms.media()) {
                URI url = URI.create(media.url());
                assertThat(url.getScheme()).matches("(?i)https?");
                assertThat(url.getHost()).isNotNull();
                assertThat(media.contentType()).isNotNull();
            }
        } else {
            assertThat(((DeliveryStatus) event).status()).isNotNull();
        }
        // And it survives the queue.
        assertThat(CODEC.decode(CODEC.encode(event))).isEqualTo(event);
    }
}
