package org.smsoverxmpp.bridge.status;

import java.time.Instant;

/**
 * Counts over the last hour, in one-minute buckets: what `bin/admin status` shows as "in the last hour" without a
 * metrics service to ask. Not thread-safe; its owner synchronizes.
 */
final class LastHour {
    private static final int MINUTES = 60;
    private final long[] counts = new long[MINUTES];
    private final long[] minuteOf = new long[MINUTES];

    void add(Instant at) {
        long minute = at.getEpochSecond() / 60;
        int slot = (int) Math.floorMod(minute, (long) MINUTES);
        if (minuteOf[slot] != minute) {
            minuteOf[slot] = minute;
            counts[slot] = 0;
        }
        counts[slot]++;
    }

    /** The count of the 60 minutes up to and including {@code now}'s. */
    long total(Instant now) {
        long minute = now.getEpochSecond() / 60;
        long total = 0;
        for (int i = 0; i < MINUTES; i++) {
            if (minute - minuteOf[i] < MINUTES && minuteOf[i] <= minute) {
                total += counts[i];
            }
        }
        return total;
    }
}
