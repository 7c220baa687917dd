package org.smsoverxmpp.bench;

/**
 * What a load row measured: arrivals in the window, the bridge's peak memory, CPU by process, error replies
 * seen, and (outbound) sent SMS whose receipt record the bridge had to give up, -1 where that does not apply.
 */
record LoadResult(Arrivals arrivals, double peakRssMb, String cpu, int errors, long receiptsGivenUp) {
    String describe() {
        return arrivals.describe() + "; error replies " + errors
                + (receiptsGivenUp >= 0 ? "; receipt records given up " + receiptsGivenUp : "")
                + "; CPU (% of one core): " + cpu;
    }
}
