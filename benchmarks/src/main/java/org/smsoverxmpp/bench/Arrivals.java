package org.smsoverxmpp.bench;

import java.util.Arrays;

/** How many numbered messages arrived in a measured window: the rate, and the slowest whole second in it. */
record Arrivals(int count, double seconds, double perSecond, int slowestSecond) {

    static Arrivals in(long fromNanos, long toNanos, Tally tally) {
        int seconds = (int) ((toNanos - fromNanos) / 1_000_000_000L);
        int[] perSecond = new int[Math.max(1, seconds)];
        int count = 0;
        for (int i = 0; i < tally.capacity(); i++) {
            long t = tally.arrival(i);
            if (t != 0 && t >= fromNanos && t < toNanos) {
                count++;
                int second = (int) ((t - fromNanos) / 1_000_000_000L);
                if (second < perSecond.length) {
                    perSecond[second]++;
                }
            }
        }
        if (System.getenv("BENCH_SERIES") != null) {
            System.err.println("per second: " + Arrays.toString(perSecond));
        }
        double window = (toNanos - fromNanos) / 1e9;
        return new Arrivals(count, window, count / window, Arrays.stream(perSecond).min().orElse(0));
    }

    String describe() {
        return String.format("%,.0f SMS/s (%,d in %.0f s; slowest second %,d)", perSecond, count, seconds, slowestSecond);
    }
}
