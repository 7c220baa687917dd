package org.smsoverxmpp.bridge.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/** The bridge's state is written at most once a minute, except when the stream went up or down. */
class StatePublisherTest {
    static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    final List<PutItemRequest> puts = new ArrayList<>();
    final DynamoDbClient dynamo = new DynamoDbClient() {
        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            puts.add(request);
            return PutItemResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    };
    final StatePublisher publisher = new StatePublisher(dynamo, "sent", Duration.ofMinutes(1));

    static BridgeState state(Instant at, boolean connected) {
        return new BridgeState(at, "host, pid 1", connected, Optional.of(NOW), Optional.empty(), Optional.empty(),
                new BridgeState.Traffic(0, 0, 0, 0, 0), new BridgeState.Health(true, "connected"));
    }

    @Test
    void beatsWithinAMinuteWriteOnceAndTheNextMinuteWritesAgain() {
        publisher.publish(state(NOW, true));
        publisher.publish(state(NOW.plusSeconds(10), true));
        publisher.publish(state(NOW.plusSeconds(50), true));
        assertThat(puts).hasSize(1);

        publisher.publish(state(NOW.plusSeconds(61), true));
        assertThat(puts).hasSize(2);
    }

    @Test
    void aStreamThatWentDownIsWrittenAtOnce() {
        publisher.publish(state(NOW, true));
        publisher.publish(state(NOW.plusSeconds(10), false));

        assertThat(puts).hasSize(2);
        assertThat(puts.get(1).item().get(StateItem.KEY_ATTRIBUTE).s()).isEqualTo(StateItem.KEY);
        assertThat(puts.get(1).item().get("connected").bool()).isFalse();
        assertThat(puts.get(1).tableName()).isEqualTo("sent");
    }

    @Test
    void theItemExpiresLikeEveryRecordOfTheTable() {
        publisher.publish(new BridgeActivity(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5), "h").snapshot());

        long expiresAt = Long.parseLong(puts.get(0).item().get("expiresAt").n());
        assertThat(Instant.ofEpochSecond(expiresAt)).isAfter(NOW);
    }
}
