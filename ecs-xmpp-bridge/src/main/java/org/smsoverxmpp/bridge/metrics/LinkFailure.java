package org.smsoverxmpp.bridge.metrics;

/** Why the component could not open its stream, and whether restarting the bridge could change that. */
public record LinkFailure(Kind kind, String detail) {
    public enum Kind {
        /** The server could not be reached, or the stream broke: the next attempt may well work. */
        UNREACHABLE,
        /** The server refused the component secret or domain: only a configuration change helps. */
        SECRET_REJECTED,
        /** The server's certificate failed verification: only a certificate or trust change helps. */
        CERTIFICATE_REJECTED
    }

    public static LinkFailure unreachable(String detail) {
        return new LinkFailure(Kind.UNREACHABLE, detail);
    }

    public static LinkFailure secretRejected(String detail) {
        return new LinkFailure(Kind.SECRET_REJECTED, detail);
    }

    public static LinkFailure certificateRejected(String detail) {
        return new LinkFailure(Kind.CERTIFICATE_REJECTED, detail);
    }

    /**
     * A refused secret or certificate: the bridge already retries every XMPP_AUTH_RETRY_SECONDS, so a fix on the
     * server is picked up without a restart, and replacing the task before the fix only repeats the refusal.
     */
    public boolean restartCannotFix() {
        return kind != Kind.UNREACHABLE;
    }

    @Override
    public String toString() {
        switch (kind) {
            case SECRET_REJECTED:
                return "the server rejected the component secret or domain: " + detail;
            case CERTIFICATE_REJECTED:
                return "the server's certificate failed verification: " + detail;
            default:
                return "could not reach the server: " + detail;
        }
    }
}
