package org.smsoverxmpp.e2e.faults;

/**
 * One scenario's count, made at the receiving side. For SMS in: sent by the provider, accepted by the webhook
 * (after its retries), delivered once to the user, lost (accepted, never delivered), duplicated (delivered
 * more than once: the same stanza id, which clients fold), errors (the webhook refused for good, so the
 * provider knows), silent (lost, and nobody told). For messages out: sent by the user, delivered as one SMS,
 * errors (an error copy and no SMS), "maybe" (an SMS and an error copy saying it may or may not have been
 * sent), duplicated (more than one SMS), silent (neither an SMS nor an error copy), and of those, unprotected
 * (written within {@link FaultScenarios#UNPROTECTED_WINDOW} of a SIGKILL: in the TCP stream or the outbox's
 * buffer when the bridge died, or at the server before it noticed; XEP-0114, having no acknowledgements,
 * cannot report those).
 */
record Tally(String scenario, int sent, int accepted, int delivered, int lost, int duplicated, int errors, int maybe,
        int silent, int unprotected, String notes) {

    static String header() {
        return "| scenario | sent | accepted | delivered once | lost | duplicated | errors returned | may or may not | silent | notes |\n"
                + "|---|---|---|---|---|---|---|---|---|---|";
    }

    String row() {
        return "| " + scenario + " | " + sent + " | " + accepted + " | " + delivered + " | " + lost + " | " + duplicated
                + " | " + errors + " | " + maybe + " | " + silent + (unprotected > 0 ? " (" + unprotected + " within " + FaultScenarios.UNPROTECTED_WINDOW.toMillis() + " ms of a kill)" : "")
                + " | " + notes + " |";
    }

    /** Silent, and not explained by the instant of a kill. */
    int silentOutsideTheKillWindow() {
        return silent - unprotected;
    }
}
