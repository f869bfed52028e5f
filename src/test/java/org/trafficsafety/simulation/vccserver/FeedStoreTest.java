package org.trafficsafety.simulation.vccserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.trafficsafety.message.MessageType;
import tools.jackson.databind.json.JsonMapper;

class FeedStoreTest {

    private final AtomicLong nowMs = new AtomicLong(1_700_000_000_000L);
    private final InstantSource clock = () -> Instant.ofEpochMilli(nowMs.get());
    private final FeedStore feed = new FeedStore(JsonMapper.builder().build(), clock, Duration.ofSeconds(5));

    @Test
    void shouldForgetRoadUsersThatWentQuietEvenWhenNobodyPolls() {
        for (long id = 0; id < 3_000; id++) {
            feed.publish(MessageType.BSM, id, "{\"id\":" + id + "}");
        }
        nowMs.addAndGet(5_001);
        for (long id = 10_000; id < 10_000 + 1_024; id++) {
            feed.publish(MessageType.BSM, id, "{\"id\":" + id + "}");
        }

        // a prune runs every 1,024 publishes: the one at publish 3,072 (the 72nd recent one) drops the 3,000 quiet
        // road users; all 1,024 recent ones remain
        assertThat(feed.held(MessageType.BSM)).isEqualTo(1_024);
    }

    @Test
    void shouldKeepTheLatestMessageOfEachRoadUserInPublishOrder() {
        feed.publish(MessageType.PSM, 1, "{\"v\":1}");
        feed.publish(MessageType.PSM, 2, "{\"v\":2}");
        feed.publish(MessageType.PSM, 1, "{\"v\":3}");

        assertThat(feed.currentArray(MessageType.PSM)).isEqualTo("[{\"v\":2},{\"v\":3}]");
        assertThat(feed.lastMessages(MessageType.PSM, 2)).containsExactly("{\"v\":2}", "{\"v\":3}");
    }
}
