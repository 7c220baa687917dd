package org.smsoverxmpp.bridge.xmpp;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smackx.ping.packet.Ping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsoverxmpp.bridge.metrics.GatewayMetrics;
import org.smsoverxmpp.bridge.metrics.LinkFailure;

/**
 * The bridge's XEP-0114 component connection: reconnects forever with backoff, keeps the stream alive with
 * whitespace, checks liveness with pings, and answers the server's pings. Everything else goes to the handler,
 * on the reader thread, so handlers must hand slow work off.
 */
public final class ComponentConnection implements ComponentLink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ComponentConnection.class);

    private final ComponentSettings settings;
    private final SocketOpener link;
    private final Backoff backoff;
    private final ServerPings pings;
    private final ConnectionState state = new ConnectionState();
    private final GatewayMetrics metrics;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "xmpp-timers");
        t.setDaemon(true);
        return t;
    });
    private volatile StanzaHandler handler;
    private volatile ComponentSession session;
    private volatile boolean closing;
    private final AtomicLong streams = new AtomicLong();
    private Thread supervisor;

    public ComponentConnection(ComponentSettings settings, Backoff backoff, GatewayMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.link = SocketOpener.over(settings.transport());
        this.backoff = backoff;
        this.pings = new ServerPings(settings.componentDomain(), settings.serverDomain());
    }

    /** Must be set before {@link #start()}. */
    public void onStanza(StanzaHandler handler) {
        this.handler = handler;
    }

    public ConnectionState state() {
        return state;
    }

    @Override
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        return state.awaitConnected(timeout);
    }

    public void start() {
        supervisor = new Thread(this::superviseForever, "xmpp-supervisor");
        supervisor.start();
        long keepalive = settings.keepalive().toMillis();
        timers.scheduleWithFixedDelay(this::keepAlive, keepalive, keepalive, TimeUnit.MILLISECONDS);
        long interval = settings.pingInterval().toMillis();
        timers.scheduleWithFixedDelay(this::checkLiveness, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Queues a stanza on the live stream. */
    @Override
    public StreamWrite send(Stanza stanza) {
        return send(stanza, currentStream());
    }

    /**
     * The stream now up (null if none). A batch holds on to it: its stanzas and the ping that acknowledges them
     * must all go over the same stream, or an answer on a new stream would confirm stanzas lost with the old.
     */
    @Override
    public XmppStream currentStream() {
        ComponentSession current = session;
        return current == null ? null : current.stream();
    }

    /** Queues a stanza on {@code stream}; {@link StreamWrite.NotConnected} when that stream is no longer the live one. */
    @Override
    public StreamWrite send(Stanza stanza, XmppStream stream) {
        ComponentSession current = session;
        if (current == null || stream == null || current.stream() != stream) {
            return StreamWrite.NOT_CONNECTED;
        }
        StanzaCodec.Encoding encoding = StanzaCodec.encode(stanza);
        if (encoding instanceof StanzaCodec.Encoding.Refused refused) {
            LOG.error("refused to write a {} to {}: {}", stanza.getClass().getSimpleName(), stanza.getTo(), refused.reason());
            return new StreamWrite.Refused(refused.reason());
        }
        current.write(((StanzaCodec.Encoding.Xml) encoding).xml());
        return StreamWrite.QUEUED;
    }

    /**
     * Pings the server after whatever was sent before on {@code stream}. The future completes when the server
     * answered, and fails if that stream drops or the answer does not come within the ping timeout.
     */
    @Override
    public CompletableFuture<Void> pingServer(XmppStream stream) {
        CompletableFuture<Void> answer = new CompletableFuture<Void>()
                .orTimeout(settings.pingTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (!send(pings.next(answer), stream).isQueued()) {
            answer.completeExceptionally(new IllegalStateException("the stream changed or is down"));
        }
        return answer;
    }

    private void superviseForever() {
        // A stream that outlived one liveness check has proven the link.
        ReconnectPolicy reconnect = new ReconnectPolicy(backoff, settings.pingInterval());
        while (!closing) {
            Duration minimumWait = Duration.ZERO;
            try {
                ComponentSession opened = ComponentSession.open(settings, link, new XmppStream(streams.incrementAndGet()));
                session = opened;
                reconnect.connected(System.nanoTime());
                state.set(true);
                metrics.connected();
                LOG.info("component {} connected to {}:{} over {}", settings.componentDomain(), settings.host(), settings.port(),
                        opened.protocol());
                opened.readStanzas(dispatcher);
                if (!closing) {
                    LOG.warn("server closed the stream");
                }
            } catch (HandshakeRejectedException e) {
                LOG.error("XMPP server rejected component {}: check COMPONENT_SECRET and the component domain "
                        + "in the server config ({})", settings.componentDomain(), e.getMessage());
                metrics.connectionFailed(LinkFailure.secretRejected(e.getMessage()));
                minimumWait = settings.authRetry();
            } catch (CertificateRejectedException e) {
                LOG.error("XMPP server {}:{} presented a certificate that failed verification: {}; check the server's "
                        + "certificate, XMPP_TLS_SERVER_NAME and XMPP_TLS_CA_PEM/XMPP_TLS_CA_FILE", settings.host(),
                        settings.port(), e.failure());
                metrics.connectionFailed(LinkFailure.certificateRejected(String.valueOf(e.failure())));
                minimumWait = settings.authRetry();
            } catch (IOException | RuntimeException e) {
                if (!closing) {
                    LOG.warn("XMPP connection to {}:{} failed: {}", settings.host(), settings.port(), e.toString());
                    metrics.connectionFailed(LinkFailure.unreachable(e.toString()));
                }
            } finally {
                disconnected();
            }
            if (!closing) {
                Duration wait = reconnect.disconnected(System.nanoTime(), minimumWait);
                LOG.info("reconnecting in {} ms", wait.toMillis());
                state.awaitClosing(wait);
            }
        }
    }

    /** The connection's own pings first; everything else to the handler, which must not take the stream down. */
    private final StanzaHandler dispatcher = new StanzaHandler() {
        @Override
        public void onStanza(Stanza stanza) {
            if (stanza instanceof IQ iq) {
                if (pings.complete(iq)) {
                    return;
                }
                if (iq instanceof Ping && iq.getType() == IQ.Type.get && settings.serverDomain().equals(iq.getFrom())) {
                    send(IQ.createResultIQ(iq));
                    return;
                }
            }
            try {
                handler.onStanza(stanza);
            } catch (RuntimeException e) {
                LOG.error("handler failed on a {} from {}", stanza.getClass().getSimpleName(), stanza.getFrom(), e);
            }
        }

        @Override
        public void onUnreadable(UnreadableStanza stanza) {
            try {
                handler.onUnreadable(stanza);
            } catch (RuntimeException e) {
                LOG.error("handler failed on an unreadable <{}> from {}", stanza.element(), stanza.from(), e);
            }
        }
    };

    private void disconnected() {
        ComponentSession current = session;
        session = null;
        state.set(false);
        metrics.disconnected();
        pings.failAll("XMPP stream closed");
        if (current != null) {
            current.close();
        }
    }

    private void keepAlive() {
        ComponentSession current = session;
        if (current != null && current.nanosSinceLastWrite() >= settings.keepalive().toNanos()) {
            current.write(" ");
        }
    }

    /** A half-open TCP connection can look alive for hours; an unanswered ping ends it. */
    private void checkLiveness() {
        ComponentSession current = session;
        if (current == null) {
            return;
        }
        pingServer(current.stream()).exceptionally(failure -> {
            if (session == current) {
                LOG.warn("server did not answer a ping in {} ms; reconnecting", settings.pingTimeout().toMillis());
                current.close();
            }
            return null;
        });
    }

    /** Closes the stream politely and stops reconnecting. */
    @Override
    public void close() {
        closing = true;
        state.wakeUp();
        timers.shutdownNow();
        ComponentSession current = session;
        if (current != null) {
            current.close();
        }
        if (supervisor != null) {
            try {
                supervisor.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
