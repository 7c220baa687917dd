package org.smsoverxmpp.bench;

import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * What one SMS cost in CPU over a measured window: the bridge process (all its threads, from /proc), and the
 * webhook handler where it was in the path (the CPU its invocations took, as Lambda bills it). Counts of
 * 10 ms clock ticks over thousands of SMS, so the resolution is a few microseconds per SMS.
 */
record CpuPerSms(int sms, double seconds, double bridgeMs, double webhookMs) {

    String describe() {
        String webhook = webhookMs < 0 ? "" : String.format("; webhook %.2f ms per SMS", webhookMs);
        return String.format("bridge %.2f ms of CPU per SMS (%.0f %% of a core at %,.0f SMS/s; %,d SMS)%s", bridgeMs,
                100 * bridgeMs * sms / 1000 / seconds, sms / seconds, sms, webhook);
    }

    /** Started where the window starts; {@link #stop()} where it ends. */
    static final class Counter {
        private final long pid;
        private final LongSupplier webhookNanos;
        private final IntSupplier count;
        private final long startTicks;
        private final long startWebhook;
        private final int startCount;
        private final long startNanos = System.nanoTime();

        /** @param webhookNanos the webhook's CPU so far, or null when it is not in the path */
        Counter(long bridgePid, LongSupplier webhookNanos, IntSupplier count) {
            this.pid = bridgePid;
            this.webhookNanos = webhookNanos;
            this.count = count;
            this.startTicks = ProcessSampler.ticks(pid);
            this.startWebhook = webhookNanos == null ? 0 : webhookNanos.getAsLong();
            this.startCount = count.getAsInt();
        }

        CpuPerSms stop() {
            int sms = Math.max(1, count.getAsInt() - startCount);
            double bridgeMs = (ProcessSampler.ticks(pid) - startTicks) * 10.0 / sms;
            double webhookMs = webhookNanos == null ? -1 : (webhookNanos.getAsLong() - startWebhook) / 1e6 / sms;
            return new CpuPerSms(sms, (System.nanoTime() - startNanos) / 1e9, bridgeMs, webhookMs);
        }
    }
}
