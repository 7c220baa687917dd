package org.smsoverxmpp.bridge.provider.twilio;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Optional;
import org.smsoverxmpp.bridge.provider.MediaAccess;
import org.smsoverxmpp.bridge.provider.SendResult;
import org.smsoverxmpp.bridge.provider.SendRetries;
import org.smsoverxmpp.bridge.provider.SmsProvider;
import org.smsoverxmpp.bridge.provider.SmsRequest;

/**
 * Twilio, and the providers that speak Twilio's API (SignalWire), through the Twilio SDK. An answer of 429 or
 * 503, or a connection that never opened, means Twilio did not act: only those are retried ({@link SendRetries}),
 * so no SMS is sent twice.
 */
public final class TwilioProvider implements SmsProvider {
    /** Twilio's longest message body, in characters. */
    static final int MAX_CHARACTERS = 1600;

    private final TwilioSettings settings;
    private final TwilioRestClient client;
    private final SendRetries retries;

    public TwilioProvider(TwilioSettings settings, TwilioRestClient client) {
        this.settings = settings;
        this.client = client;
        this.retries = new SendRetries(settings.displayName(), settings.retryDelays());
    }

    public static TwilioRestClient client(TwilioSettings settings, int maxConnections) {
        TwilioCredentials credentials = settings.credentials();
        return new TwilioRestClient.Builder(credentials.username(), credentials.password())
                .accountSid(credentials.accountSid())
                .httpClient(new BaseUrlHttpClient(settings.apiBaseUrl(), maxConnections))
                .build();
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public String displayName() {
        return settings.displayName();
    }

    @Override
    public SendResult send(SmsRequest request) throws InterruptedException {
        return retries.send(() -> attempt(request));
    }

    private SendResult attempt(SmsRequest request) {
        try {
            var to = new com.twilio.type.PhoneNumber(request.to());
            var from = new com.twilio.type.PhoneNumber(request.from().e164());
            // Twilio wants a Body or MediaUrl; a picture without a caption has no Body at all.
            var creator = request.text().isEmpty() && !request.media().isEmpty()
                    ? Message.creator(to, from, request.media())
                    : Message.creator(to, from, request.text());
            settings.statusCallback().ifPresent(creator::setStatusCallback);
            if (!request.media().isEmpty()) {
                creator.setMediaUrl(request.media());
            }
            return new SendResult.Sent(creator.create(client).getSid());
        } catch (ApiException e) {
            Integer status = BaseUrlHttpClient.lastStatus();
            if (status == null) {
                return surelyNotSent(e) ? SendResult.Unavailable.unreachable(String.valueOf(e.getMessage()))
                        : new SendResult.OutcomeUnknown(String.valueOf(e.getMessage()));
            }
            String code = e.getCode() == null ? null : e.getCode().toString();
            // 429 and 503: Twilio did not act and asks to come back later.
            return status == 429 || status == 503 ? new SendResult.Unavailable(status, code, e.getMessage())
                    : new SendResult.Rejected(status, code, e.getMessage());
        } catch (TwilioException e) {
            return new SendResult.OutcomeUnknown(String.valueOf(e.getMessage()));
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

    @Override
    public MediaAccess mediaAccess() {
        return new TwilioMediaAccess(settings.credentials(), settings.apiBaseUrl());
    }

    @Override
    public int maxCharacters() {
        return MAX_CHARACTERS;
    }

    @Override
    public String describeDeliveryError(String code, String text) {
        return TwilioErrors.describe(settings.displayName(), code, settings.publishesErrorPages());
    }

    @Override
    public Optional<String> helpFor(String code) {
        return code == null || !settings.publishesErrorPages() ? Optional.empty()
                : Optional.of(TwilioErrors.page(code));
    }
}
