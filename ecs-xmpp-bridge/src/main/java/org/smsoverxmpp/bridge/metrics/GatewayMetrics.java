package org.smsoverxmpp.bridge.metrics;

import java.util.List;

/**
 * What the bridge tells the outside about its work, called where each outcome is known: an inbound event settled,
 * an outbound message sent or refused, the component stream up or down. Implementations aggregate; a call costs
 * an increment, never I/O.
 */
public interface GatewayMetrics {
    /** An inbound event (an SMS, or a delivery report) was delivered, or needed no delivery. */
    void inboundDelivered();

    /** An inbound event failed for now and comes back after a delay. */
    void inboundRetried();

    /** An inbound event can never be delivered and went to the dead-letter queue. */
    void inboundRejected();

    /** An outbound message left as SMS (every part of it). */
    void outboundSent();

    /** An outbound message was answered with an error instead; {@code condition} is the XMPP error condition. */
    void outboundRefused(String condition);

    /** The component stream is up. */
    void connected();

    /** The component stream is gone (or an attempt to open one ended). */
    void disconnected();

    /** An attempt to open the stream failed, and why. */
    void connectionFailed(LinkFailure failure);

    GatewayMetrics NONE = new GatewayMetrics() {
        @Override
        public void inboundDelivered() {
        }

        @Override
        public void inboundRetried() {
        }

        @Override
        public void inboundRejected() {
        }

        @Override
        public void outboundSent() {
        }

        @Override
        public void outboundRefused(String condition) {
        }

        @Override
        public void connected() {
        }

        @Override
        public void disconnected() {
        }

        @Override
        public void connectionFailed(LinkFailure failure) {
        }
    };

    /** Every call goes to each of {@code sinks}, in order. */
    static GatewayMetrics all(GatewayMetrics... sinks) {
        return new FanOut(List.of(sinks));
    }
}
