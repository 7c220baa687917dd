package org.smsoverxmpp.bridge.outbound;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.bridge.address.PhoneNumber;
import org.smsoverxmpp.bridge.mapping.Mappings;
import org.smsoverxmpp.bridge.metrics.GatewayMetrics;
import org.smsoverxmpp.bridge.receipts.SentMessage;
import org.smsoverxmpp.bridge.receipts.SentMessages;
import org.smsoverxmpp.bridge.mapping.Mapping;
import org.smsoverxmpp.bridge.provider.Providers;
import org.smsoverxmpp.bridge.provider.SendResult;
import org.smsoverxmpp.bridge.provider.SmsProvider;
import org.smsoverxmpp.bridge.provider.SmsRequest;
import org.smsoverxmpp.events.LogSafe;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One outbox message becomes one SMS (or one SMS per part of a long text) or one error copy, and never two
 * SMS: its attempt is recorded before the provider is called. What the user is told waits for the stream; if
 * the stream stays down, the outbox keeps the message and the answer is given when it comes back.
 */
public final class SmsSending {
    private static final Logger LOG = LoggerFactory.getLogger(SmsSending.class);
    /** A store that could not be reached is tried again this soon; nothing was sent. */
    static final Duration STORE_RETRY = Duration.ofSeconds(5);

    /** What to do with the outbox message. */
    sealed interface Outcome {
        /** Sent or answered: the outbox message is deleted. */
        record Done() implements Outcome {
        }

        /** Not yet (the attempt could not be recorded, the answer could not be given): it comes back. */
        record Later(Duration delay, String reason) implements Outcome {
        }

        /** Not an outbox message this bridge can read: left to SQS, which moves it to the outbox's dead-letter queue. */
        record Unreadable(String reason) implements Outcome {
        }
    }

    static final Outcome DONE = new Outcome.Done();

    private final Mappings mappings;
    private final Providers providers;
    private final SentMessages sent;
    private final Attempts attempts;
    private final Replies replies;
    private final Duration maxAge;
    private final Clock clock;
    private final GatewayMetrics metrics;

    /** @param maxAge a message that waited longer (the gateway was down) is not sent late: the user is told */
    public SmsSending(Mappings mappings, Providers providers, SentMessages sent, Attempts attempts, Replies replies,
            Duration maxAge, Clock clock, GatewayMetrics metrics) {
        this.mappings = mappings;
        this.providers = providers;
        this.sent = sent;
        this.attempts = attempts;
        this.replies = replies;
        this.maxAge = maxAge;
        this.clock = clock;
        this.metrics = metrics;
    }

    Outcome send(OutboundMessage message, int receiveCount) {
        Attempts.Attempt attempt;
        try {
            attempt = attempts.begin(message.id(), receiveCount);
        } catch (SdkException e) {
            return new Outcome.Later(STORE_RETRY, "could not record the attempt: " + e.getMessage());
        }
        if (attempt instanceof Attempts.Attempt.Again again) {
            if (again.sent()) {
                return DONE;
            }
            ErrorReply answer = again.outcome().orElseGet(ErrorReply::interruptedWhileSending);
            LOG.info("outbox message {} was attempted before; answering from its record", message.id());
            return answer(message, Optional.of(answer), again.outcome().isEmpty());
        }
        Duration waited = Duration.between(message.acceptedAt(), clock.instant());
        if (waited.compareTo(maxAge) > 0) {
            return answer(message, Optional.of(ErrorReply.tooLate(waited)), true);
        }
        return answer(message, sendNow(message), true);
    }

    /** @return what to tell the user, or empty when every part was sent */
    private Optional<ErrorReply> sendNow(OutboundMessage message) {
        EntityBareJid user = JidCreate.entityBareFromOrThrowUnchecked(message.user());
        Optional<Mapping> mapping;
        try {
            mapping = mappings.mappingOf(user);
        } catch (RuntimeException e) {
            LOG.error("mapping lookup for {} failed", user, e);
            return Optional.of(ErrorReply.temporaryFailure("look up your number"));
        }
        if (mapping.isEmpty()) {
            LOG.info("refused SMS from unmapped {}", user);
            return Optional.of(ErrorReply.notRegistered(user));
        }
        Optional<SmsProvider> chosen = providers.forMapping(mapping.get());
        if (chosen.isEmpty()) {
            LOG.warn("the mapping of {} names provider '{}', which is not configured", user, mapping.get().provider().orElseThrow());
            return Optional.of(ErrorReply.providerNotConfigured(mapping.get().provider().orElseThrow()));
        }
        SmsProvider provider = chosen.get();
        PhoneNumber from = mapping.get().number();
        List<String> parts = SmsSegments.split(message.caption(), provider.maxCharacters());
        List<URI> media = message.media().stream().map(URI::create).toList();
        int done = 0;
        try {
            for (String part : parts) {
                boolean last = done == parts.size() - 1;
                // Media go with the first part: one MMS, then the rest of a long caption as SMS.
                SendResult result = provider.send(new SmsRequest(from, message.to(), part, media));
                media = List.of();
                if (!(result instanceof SendResult.Sent accepted)) {
                    LOG.warn("SMS from {} to {} not sent by {}: {}", user, LogSafe.number(message.to()), provider.name(),
                            result.summary());
                    return Optional.of(ErrorReply.partly(ErrorReply.of(result, provider), done, parts.size()));
                }
                LOG.info("sent SMS {} from {} to {} through {} ({} chars)", accepted.messageId(),
                        LogSafe.number(from.e164()), LogSafe.number(message.to()), provider.name(), part.length());
                // The last part's record also records the attempt as sent: no write of its own.
                remember(accepted.messageId(), message, part, last);
                done++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(ErrorReply.partly(ErrorReply.outcomeUnknown(provider.displayName()), done, parts.size()));
        }
        metrics.outboundSent();
        return Optional.empty();
    }

    /** For the status callbacks: a receipt, or an error copy if the carrier does not deliver. */
    private void remember(String messageId, OutboundMessage message, String part, boolean last) {
        try {
            sent.remember(new SentMessage(messageId, message.sender(), message.stanzaId(), message.contact(),
                    message.receiptRequested(), part, last ? message.id() : null));
        } catch (RuntimeException e) {
            // The SMS is on its way; only its receipt or failure notice will be missing.
            LOG.warn("could not record SMS {} for its status callbacks: {}", messageId, e.toString());
        }
    }

    /**
     * Records a refusal (when it is new), then tells the user; a sent SMS's result went with its record. An
     * answer that cannot be given now keeps the message in the outbox: the recorded result gives the same answer
     * when it comes back.
     */
    private Outcome answer(OutboundMessage message, Optional<ErrorReply> refusal, boolean record) {
        if (record && refusal.isPresent()) {
            try {
                attempts.refused(message.id(), refusal.get());
            } catch (SdkException e) {
                // Should it come back, the user hears "may or may not have been sent": never a second SMS.
                LOG.warn("could not record the result of outbox message {}: {}", message.id(), e.getMessage());
            }
        }
        refusal.ifPresent(r -> metrics.outboundRefused(r.condition().toString()));
        if (refusal.isPresent() && !replies.send(message.errorCopy(refusal.get()))) {
            return new Outcome.Later(STORE_RETRY, "the XMPP stream is down; the answer waits for it");
        }
        return DONE;
    }
}
