package org.smsoverxmpp.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians and ranges of repeated measurements. */
record Stats(List<Double> samples) {
    double median() {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double min() {
        return Collections.min(samples);
    }

    double max() {
        return Collections.max(samples);
    }

    String describe(String unit) {
        return String.format("median %.0f %s (min %.0f, max %.0f, n=%d)", median(), unit, min(), max(), samples.size());
    }
}
