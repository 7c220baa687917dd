package org.smsoverxmpp.bridge.outbound;

import java.time.Duration;
import org.jivesoftware.smack.packet.Stanza;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.bridge.xmpp.ComponentLink;
import org.smsoverxmpp.bridge.xmpp.StreamWrite;

/**
 * Answers to users that may be sent while the stream is down (a provider's refusal that arrives during a
 * reconnect): they wait for the stream, within a bound, instead of vanishing. A caller told {@code false}
 * keeps its work, so the answer is given later.
 */
public final class Replies {
    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);

    private final ComponentLink xmpp;
    private final Duration wait;

    /** @param wait how long an answer may wait for the stream */
    public Replies(ComponentLink xmpp, Duration wait) {
        this.xmpp = xmpp;
        this.wait = wait;
    }

    /** @return true when it was written (or could never be: a refused stanza is our bug, logged, not retried) */
    boolean send(Stanza answer) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            StreamWrite write = xmpp.send(answer);
            if (!(write instanceof StreamWrite.NotConnected)) {
                return true;
            }
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !xmpp.awaitConnected(Duration.ofNanos(left))) {
                    LOG.warn("no XMPP stream for {} s; the answer to {} is kept for later", wait.toSeconds(), answer.getTo());
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
