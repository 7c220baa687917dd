package org.smsoverxmpp.bridge.twilio;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.bridge.address.PhoneNumber;

/**
 * Sends SMS/MMS through the Twilio SDK. Retries only where the request surely did not reach Twilio (the
 * connection was refused, or Twilio answered 429 or 503 before acting), so no SMS is sent twice.
 */
public class TwilioSender {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioSender.class);

    private final TwilioRestClient client;
    private final Optional<URI> statusCallback;
    private final List<Duration> retryDelays;

    public TwilioSender(TwilioRestClient client, Optional<URI> statusCallback, List<Duration> retryDelays) {
        this.client = client;
        this.statusCallback = statusCallback;
        this.retryDelays = List.copyOf(retryDelays);
    }

    public static TwilioRestClient client(TwilioCredentials credentials, URI apiBaseUrl, int maxConnections) {
        return new TwilioRestClient.Builder(credentials.username(), credentials.password())
                .accountSid(credentials.accountSid())
                .httpClient(new BaseUrlHttpClient(apiBaseUrl, maxConnections))
                .build();
    }

    /** @param to an E.164 number or a short code */
    public SendResult send(PhoneNumber from, String to, String body, List<URI> media) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            SendResult result = attempt(from, to, body, media);
            if (!retriable(result) || attempt >= retryDelays.size()) {
                return result;
            }
            LOG.info("Twilio unavailable ({}), retry {} of {}", describe(result), attempt + 1, retryDelays.size());
            Thread.sleep(retryDelays.get(attempt).toMillis());
        }
    }

    private SendResult attempt(PhoneNumber from, String to, String body, List<URI> media) {
        try {
            var toNumber = new com.twilio.type.PhoneNumber(to);
            var fromNumber = new com.twilio.type.PhoneNumber(from.e164());
            // Twilio wants a Body or MediaUrl; a picture without a caption has no Body at all.
            var creator = body.isEmpty() && !media.isEmpty()
                    ? Message.creator(toNumber, fromNumber, media)
                    : Message.creator(toNumber, fromNumber, body);
            statusCallback.ifPresent(creator::setStatusCallback);
            if (!media.isEmpty()) {
                creator.setMediaUrl(media);
            }
            return new SendResult.Sent(creator.create(client).getSid());
        } catch (ApiException e) {
            Integer status = BaseUrlHttpClient.lastStatus();
            if (status == null) {
                return new SendResult.Unreachable(e.getMessage(), !surelyNotSent(e));
            }
            return new SendResult.Rejected(status, e.getCode(), e.getMessage());
        } catch (TwilioException e) {
            return new SendResult.Unreachable(e.getMessage(), true);
        }
    }

    /** Connection refused or no route: the request never left. A lost answer is not retried. */
    private static boolean surelyNotSent(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    private static boolean retriable(SendResult result) {
        if (result instanceof SendResult.Rejected rejected) {
            return rejected.isTemporary();
        }
        return result instanceof SendResult.Unreachable unreachable && !unreachable.maybeSent();
    }

    private static String describe(SendResult result) {
        return result instanceof SendResult.Rejected r ? "HTTP " + r.httpStatus() : "connection failed";
    }
}
