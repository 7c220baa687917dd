package org.smsoverxmpp.bridge.xmpp;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.util.SHA1;
import org.jivesoftware.smack.xml.SmackXmlParser;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated XEP-0114 stream over one socket: the stream header, the SHA-1 handshake, a reader
 * (the caller's thread) and a single writer thread. It does not reconnect; {@link ComponentConnection} does.
 */
final class ComponentSession implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(ComponentSession.class);
    private static final String CLOSE = "</stream:stream>";
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private final XmppStream stream;
    private final Socket socket;
    private final XmlPullParser parser;
    private final Writer out;
    private final BlockingQueue<String> outbox = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final AtomicLong lastWrite = new AtomicLong(System.nanoTime());
    private volatile boolean closed;
    private XmlEnvironment streamEnvironment;

    private ComponentSession(XmppStream stream, Socket socket) throws IOException, XmlPullParserException {
        this.stream = stream;
        this.socket = socket;
        this.out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
        this.parser = SmackXmlParser.newXmlParser(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.writer = new Thread(this::drainOutbox, "xmpp-writer");
        this.writer.setDaemon(true);
    }

    /**
     * Connects over {@code link} and authenticates, or throws: a rejected secret is a
     * {@link HandshakeRejectedException}, a certificate that failed verification a {@link CertificateRejectedException}.
     */
    static ComponentSession open(ComponentSettings settings, SocketOpener link, XmppStream stream) throws IOException {
        StanzaCodec.install();
        Socket socket = link.open(settings.host(), settings.port(), CONNECT_TIMEOUT_MS);
        try {
            ComponentSession session = new ComponentSession(stream, socket);
            session.authenticate(settings);
            session.writer.start();
            return session;
        } catch (XmlPullParserException e) {
            socket.close();
            throw new IOException("unreadable stream from " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** What the stream runs over, for the log: the TLS version, or cleartext. */
    String protocol() {
        return socket instanceof SSLSocket tls ? tls.getSession().getProtocol() : "cleartext";
    }

    private void authenticate(ComponentSettings settings) throws IOException, XmlPullParserException {
        // The handshake must complete in bounded time; afterwards reads block for as long as the stream lives.
        socket.setSoTimeout(CONNECT_TIMEOUT_MS);
        writeNow("<?xml version='1.0'?><stream:stream xmlns='" + StanzaCodec.COMPONENT_NAMESPACE
                + "' xmlns:stream='http://etherx.jabber.org/streams' to='" + settings.componentDomain() + "'>");
        while (parser.next() != XmlPullParser.Event.START_ELEMENT) {
            // skip the XML declaration
        }
        if (!"stream".equals(parser.getName())) {
            throw new IOException("expected <stream:stream>, got <" + parser.getName() + ">");
        }
        String streamId = parser.getAttributeValue("", "id");
        if (streamId == null) {
            throw new IOException("server stream header has no id");
        }
        streamEnvironment = XmlEnvironment.from(parser);
        writeNow("<handshake>" + SHA1.hex(streamId + settings.secret()) + "</handshake>");
        XmlPullParser.Event event;
        while ((event = parser.next()) != XmlPullParser.Event.START_ELEMENT) {
            if (event == XmlPullParser.Event.END_DOCUMENT || event == XmlPullParser.Event.END_ELEMENT) {
                throw new IOException("server closed the stream during the handshake");
            }
        }
        String element = parser.getName();
        String content = PacketParserUtils.parseElement(parser).toString();
        if (!"handshake".equals(element)) {
            // Only these mean our secret or domain is wrong; a shutdown or conflict is retried as usual.
            if (content.contains("not-authorized") || content.contains("host-unknown")) {
                throw new HandshakeRejectedException("server answered the handshake with " + content);
            }
            throw new IOException("server answered the handshake with " + content);
        }
        socket.setSoTimeout(0);
    }

    XmppStream stream() {
        return stream;
    }

    /** Reads stanzas until the stream ends; returns normally on a clean close, throws when the stream breaks. */
    void readStanzas(StanzaHandler handler) throws IOException {
        try {
            while (true) {
                XmlPullParser.Event event = parser.next();
                if (event == XmlPullParser.Event.END_DOCUMENT
                        || (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == 1)) {
                    return;
                }
                if (event != XmlPullParser.Event.START_ELEMENT) {
                    continue; // whitespace keepalives
                }
                readTopLevelElement(handler);
            }
        } catch (XmlPullParserException e) {
            if (closed) {
                return;
            }
            throw new IOException("stream broken: " + e.getMessage(), e);
        }
    }

    private void readTopLevelElement(StanzaHandler handler) throws IOException, XmlPullParserException {
        String name = parser.getName();
        switch (name) {
            case "message", "presence", "iq" -> {
                StanzaReader.Read read = StanzaReader.read(parser, streamEnvironment);
                if (read instanceof StanzaReader.Read.Parsed parsed) {
                    handler.onStanza(parsed.stanza());
                } else {
                    UnreadableStanza unreadable = ((StanzaReader.Read.Unreadable) read).stanza();
                    LOG.warn("could not read <{}> id '{}' from {}: {}", name, unreadable.id(), unreadable.from(),
                            unreadable.reason());
                    handler.onUnreadable(unreadable);
                }
            }
            case "error" -> throw new IOException("stream error from server: " + PacketParserUtils.parseElement(parser));
            default -> LOG.warn("ignored unexpected top-level element {}", PacketParserUtils.parseElement(parser));
        }
    }

    /** Queues XML for the writer thread; never blocks the caller. */
    void write(String xml) {
        if (!closed) {
            outbox.add(xml);
        }
    }

    long nanosSinceLastWrite() {
        return System.nanoTime() - lastWrite.get();
    }

    private void drainOutbox() {
        try {
            boolean streamClosed = false;
            while (!closed && !streamClosed) {
                String xml = outbox.take();
                // Flush once per burst: many stanzas under load, one syscall.
                do {
                    out.write(xml);
                    streamClosed = xml == CLOSE; // the very instance close() queued
                } while (!streamClosed && (xml = outbox.poll()) != null);
                out.flush();
                lastWrite.set(System.nanoTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (!closed) {
                LOG.warn("write failed, dropping the connection: {}", e.getMessage());
                closeSocket();
            }
        }
    }

    private void writeNow(String xml) throws IOException {
        out.write(xml);
        out.flush();
        lastWrite.set(System.nanoTime());
    }

    /** Flushes what is queued, closes the stream politely, then the socket. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        outbox.add(CLOSE);
        try {
            writer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        writer.interrupt();
        closeSocket();
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("socket close failed", e);
        }
    }
}
