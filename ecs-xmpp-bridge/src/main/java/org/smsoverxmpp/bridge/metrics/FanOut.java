package org.smsoverxmpp.bridge.metrics;

import java.util.List;

/** Several sinks behind one {@link GatewayMetrics}: the EMF lines and the state the CLI reads. */
final class FanOut implements GatewayMetrics {
    private final List<GatewayMetrics> sinks;

    FanOut(List<GatewayMetrics> sinks) {
        this.sinks = sinks;
    }

    @Override
    public void inboundDelivered() {
        sinks.forEach(GatewayMetrics::inboundDelivered);
    }

    @Override
    public void inboundRetried() {
        sinks.forEach(GatewayMetrics::inboundRetried);
    }

    @Override
    public void inboundRejected() {
        sinks.forEach(GatewayMetrics::inboundRejected);
    }

    @Override
    public void outboundSent() {
        sinks.forEach(GatewayMetrics::outboundSent);
    }

    @Override
    public void outboundRefused(String condition) {
        sinks.forEach(s -> s.outboundRefused(condition));
    }

    @Override
    public void connected() {
        sinks.forEach(GatewayMetrics::connected);
    }

    @Override
    public void disconnected() {
        sinks.forEach(GatewayMetrics::disconnected);
    }

    @Override
    public void connectionFailed(LinkFailure failure) {
        sinks.forEach(s -> s.connectionFailed(failure));
    }
}
