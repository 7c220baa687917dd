package org.smsoverxmpp.bridge.xmpp;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jivesoftware.smack.packet.Stanza;

/** The component connection for unit tests: writes go through the real codec and are recorded; pings are scripted. */
public final class FakeComponentLink implements ComponentLink {
    private final List<Stanza> written = new CopyOnWriteArrayList<>();
    private volatile XmppStream stream = new XmppStream(1);
    private volatile boolean answerPings = true;
    /** Runs on each write, as the server would answer on the reader thread (a bounce, say). */
    private volatile Consumer<Stanza> onWrite = stanza -> { };
    private volatile int writesBeforeDrop = Integer.MAX_VALUE;

    public List<Stanza> written() {
        return written;
    }

    public void failPings() {
        answerPings = false;
    }

    public void onWrite(Consumer<Stanza> reaction) {
        onWrite = reaction;
    }

    /** The stream drops after this many more writes. */
    public void dropAfter(int writes) {
        writesBeforeDrop = writes;
    }

    @Override
    public boolean awaitConnected(Duration timeout) {
        return stream != null;
    }

    @Override
    public XmppStream currentStream() {
        return stream;
    }

    @Override
    public StreamWrite send(Stanza stanza) {
        return send(stanza, stream);
    }

    @Override
    public synchronized StreamWrite send(Stanza stanza, XmppStream on) {
        if (stream == null || on != stream) {
            return StreamWrite.NOT_CONNECTED;
        }
        if (writesBeforeDrop-- <= 0) {
            stream = null;
            return StreamWrite.NOT_CONNECTED;
        }
        StanzaCodec.Encoding encoding = StanzaCodec.encode(stanza);
        if (encoding instanceof StanzaCodec.Encoding.Refused refused) {
            return new StreamWrite.Refused(refused.reason());
        }
        written.add(stanza);
        onWrite.accept(stanza);
        return StreamWrite.QUEUED;
    }

    @Override
    public CompletableFuture<Void> pingServer(XmppStream on) {
        if (answerPings && on != null && on == stream) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.failedFuture(new IllegalStateException("no answer"));
    }
}
