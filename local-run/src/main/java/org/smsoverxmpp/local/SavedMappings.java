package org.smsoverxmpp.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keeps the local run's mappings across restarts, as a newcomer expects: the emulator keeps nothing, so the table's
 * items are saved to a file every few seconds and when the run stops, and written back when the next run starts.
 * Items are saved as they are stored, malformed ones too, so a restart changes nothing about the table.
 */
final class SavedMappings implements AutoCloseable {
    static final String FILE = "mappings.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbClient dynamo;
    private final String table;
    private final Path file;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "saved-mappings");
        t.setDaemon(true);
        return t;
    });
    private List<Map<String, String>> lastSaved = List.of();

    SavedMappings(DynamoDbClient dynamo, String table, Path dir) {
        this.dynamo = dynamo;
        this.table = table;
        this.file = dir.resolve(FILE);
    }

    /** Writes back what an earlier run saved. @return how many items */
    int restore() throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        lastSaved = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), new TypeReference<List<Map<String, String>>>() { });
        for (Map<String, String> saved : lastSaved) {
            Map<String, AttributeValue> item = new HashMap<>();
            saved.forEach((name, value) -> item.put(name, AttributeValue.fromS(value)));
            dynamo.putItem(r -> r.tableName(table).item(item));
        }
        return lastSaved.size();
    }

    /** Saves the table every {@code seconds} from now on. */
    SavedMappings start(int seconds) {
        timer.scheduleWithFixedDelay(this::saveQuietly, seconds, seconds, TimeUnit.SECONDS);
        return this;
    }

    synchronized void save() throws IOException {
        List<Map<String, String>> items = new ArrayList<>();
        dynamo.scanPaginator(r -> r.tableName(table)).items().forEach(item -> {
            Map<String, String> saved = new HashMap<>();
            item.forEach((name, value) -> {
                if (value.s() != null) {
                    saved.put(name, value.s());
                }
            });
            items.add(saved);
        });
        if (items.equals(lastSaved)) {
            return;
        }
        Path next = file.resolveSibling(FILE + ".next");
        Files.writeString(next, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(items), StandardCharsets.UTF_8);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        lastSaved = items;
    }

    private void saveQuietly() {
        try {
            save();
        } catch (IOException | UncheckedIOException | SdkException e) {
            System.err.println("could not save the local mappings to " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        saveQuietly();
    }
}
