package org.smsoverxmpp.e2e.harness;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The person using the gateway, on a second XMPP client library nobody here wrote: slixmpp (Python), driven
 * through JSON lines by {@code slixmpp_user.py}. It escapes what Smack does not, so hostile text can be sent.
 */
public final class SlixmppUser implements AutoCloseable {
    /** Debian's interpreter, which has python3-slixmpp (bin/test installs it). */
    private static final String PYTHON = Files.exists(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the client saw: a message, or the answer to one of its IQs. */
    public record Event(String event, String from, String id, String type, String body, String condition, String text,
            int payload) {
    }

    private final Process process;
    private final Writer commands;
    private final List<Event> events = new CopyOnWriteArrayList<>();

    private SlixmppUser(Process process) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readEvents, "slixmpp-events");
        reader.setDaemon(true);
        reader.start();
    }

    public static SlixmppUser login(String jid, String password, int c2sPort, Path log) {
        try {
            Path script = Path.of(SlixmppUser.class.getResource("/slixmpp_user.py").toURI());
            Process process = new ProcessBuilder(PYTHON, script.toString(), jid, password, Integer.toString(c2sPort))
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            SlixmppUser user = new SlixmppUser(process);
            await("slixmpp login of " + jid).atMost(Duration.ofSeconds(30))
                    .until(() -> user.events.stream().anyMatch(e -> "ready".equals(e.event())) || !process.isAlive());
            if (!process.isAlive()) {
                throw new IllegalStateException("slixmpp exited; see " + log);
            }
            return user;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + PYTHON + " (bin/test installs python3-slixmpp)", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void readEvents() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode node = JSON.readTree(line);
                events.add(new Event(node.path("event").asText(), node.path("from").asText(null), node.path("id").asText(null),
                        node.path("type").asText(null), node.path("body").asText(null), node.path("condition").asText(""),
                        node.path("text").asText(""), node.path("payload").asInt()));
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    public void message(String to, String id, String body) {
        command(Map.of("op", "message", "to", to, "id", id, "body", body, "type", "chat"));
    }

    public void iq(String to, String id, String type, String payloadXml) {
        command(Map.of("op", "iq", "to", to, "id", id, "type", type, "xml", payloadXml));
    }

    private synchronized void command(Map<String, String> command) {
        try {
            commands.write(JSON.writeValueAsString(command) + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("slixmpp is gone", e);
        }
    }

    public List<Event> messages() {
        return events.stream().filter(e -> "message".equals(e.event())).toList();
    }

    public List<Event> iqAnswers() {
        return events.stream().filter(e -> "iq".equals(e.event())).toList();
    }

    public boolean wasDisconnected() {
        return events.stream().anyMatch(e -> "disconnected".equals(e.event()));
    }

    public Event awaitMessage(Predicate<Event> match, Duration timeout) {
        return await().atMost(timeout).until(() -> messages().stream().filter(match).findFirst(), java.util.Optional::isPresent)
                .get();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            command(Map.of("op", "quit"));
        } catch (UncheckedIOException e) {
            // already gone
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
