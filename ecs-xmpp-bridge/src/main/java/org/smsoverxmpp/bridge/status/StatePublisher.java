package org.smsoverxmpp.bridge.status;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Writes the bridge's state where `bin/admin status` reads it: one PutItem at most every {@code interval}
 * (a minute: about 44,000 small writes a month, a few cents), and at the first beat after the stream went up or
 * down. A failed write is logged and tried again at the next beat.
 */
public final class StatePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(StatePublisher.class);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration interval;
    private Instant lastWritten = Instant.MIN;
    private Boolean lastConnected;

    public StatePublisher(DynamoDbClient dynamo, String table, Duration interval) {
        this.dynamo = dynamo;
        this.table = table;
        this.interval = interval;
    }

    public synchronized void publish(BridgeState state) {
        boolean changed = lastConnected == null || lastConnected != state.connected();
        if (!changed && Duration.between(lastWritten, state.at()).compareTo(interval) < 0) {
            return;
        }
        try {
            dynamo.putItem(r -> r.tableName(table).item(StateItem.of(state)));
            lastWritten = state.at();
            lastConnected = state.connected();
        } catch (SdkException e) {
            LOG.warn("could not publish the bridge's state for bin/admin status: {}", e.getMessage());
        }
    }
}
