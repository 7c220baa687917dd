package org.smsoverxmpp.bridge.metrics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records each call by name (with its argument), for tests that check an outcome was counted. */
public final class CountingMetrics implements GatewayMetrics {
    private final List<String> calls = new CopyOnWriteArrayList<>();

    public List<String> calls() {
        return calls;
    }

    @Override
    public void inboundDelivered() {
        calls.add("inboundDelivered");
    }

    @Override
    public void inboundRetried() {
        calls.add("inboundRetried");
    }

    @Override
    public void inboundRejected() {
        calls.add("inboundRejected");
    }

    @Override
    public void outboundSent() {
        calls.add("outboundSent");
    }

    @Override
    public void outboundRefused(String condition) {
        calls.add("outboundRefused " + condition);
    }

    @Override
    public void connected() {
        calls.add("connected");
    }

    @Override
    public void disconnected() {
        calls.add("disconnected");
    }

    @Override
    public void connectionFailed(LinkFailure failure) {
        calls.add("connectionFailed " + failure.kind());
    }
}
