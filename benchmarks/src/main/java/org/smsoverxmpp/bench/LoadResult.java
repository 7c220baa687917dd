package org.smsoverxmpp.bench;

/** What a load row measured: arrivals in the window, the bridge's peak memory, CPU by process, errors seen. */
record LoadResult(Arrivals arrivals, double peakRssMb, String cpu, int errors) {
    String describe() {
        return arrivals.describe() + "; error replies " + errors + "; CPU (% of one core): " + cpu;
    }
}
