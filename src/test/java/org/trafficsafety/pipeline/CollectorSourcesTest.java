package org.trafficsafety.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trafficsafety.config.EnvSettings;
import org.trafficsafety.config.InvalidSettingException;
import org.trafficsafety.config.SourceSettings;
import org.trafficsafety.config.StorageSettings;
import org.trafficsafety.source.MessageSource;
import org.trafficsafety.store.archive.ArchiveSettings;

class CollectorSourcesTest {

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();

    private MessageSource create() {
        EnvSettings settings = new EnvSettings(env::get);
        return CollectorSources.create(SourceSettings.from(settings), settings,
                new ArchiveSettings("", "", false, dir.resolve("bucket"), dir.resolve("parquet")));
    }

    @Test
    void shouldBuildTheSourceDataSourceNames() {
        env.put("DATA_SOURCE", "vcc");
        env.put("VCC_CLIENT_ID", "id");
        env.put("VCC_CLIENT_SECRET", "secret");
        env.put("VCC_MODE", "poll");
        try (MessageSource vcc = create()) {
            assertThat(vcc.name()).isEqualTo("vcc-poll");
        }
        env.put("DATA_SOURCE", "simulator");
        try (MessageSource simulator = create()) {
            assertThat(simulator.name()).isEqualTo("simulator");
        }
        env.put("DATA_SOURCE", "replay");
        env.put("REPLAY_FROM", "2026-11-24T06:00:00Z");
        env.put("REPLAY_TO", "2026-11-24T07:00:00Z");
        try (MessageSource replay = create()) {
            assertThat(replay.name()).isEqualTo("replay");
        }
    }

    @Test
    void shouldNameTheVariableWhenAReplayRangeIsMissingOrBackwards() {
        env.put("DATA_SOURCE", "replay");
        assertThatThrownBy(this::create).isInstanceOf(InvalidSettingException.class).hasMessageContaining("REPLAY_FROM");
        env.put("REPLAY_FROM", "2026-11-24T07:00:00Z");
        env.put("REPLAY_TO", "yesterday");
        assertThatThrownBy(this::create).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("REPLAY_TO=yesterday").hasMessageContaining("ISO instant");
        env.put("REPLAY_TO", "2026-11-24T06:00:00Z");
        assertThatThrownBy(this::create).isInstanceOf(InvalidSettingException.class).hasMessageContaining("after REPLAY_FROM");
    }

    @Test
    void shouldGiveAReplayNoHeartbeatAndNoSecondRawArchive() {
        env.put("SPOOL_DIR", dir.resolve("spool").toString());
        env.put("COLLECTOR_DB_FLUSH_SECONDS", "0.5");
        EnvSettings settings = new EnvSettings(env::get);
        CollectorSettings live = PipelineSettings.from(settings, StorageSettings.from(settings)).collector();
        CollectorSettings replay = live.forReplay();

        assertThat(live.heartbeat()).isTrue();
        assertThat(live.archiveRaw()).isTrue();
        assertThat(live.dbFlushInterval()).hasMillis(500);
        assertThat(replay.heartbeat()).isFalse();
        assertThat(replay.archiveRaw()).isFalse();
        assertThat(replay.dualWrite()).isEqualTo(live.dualWrite());
        assertThat(replay.spoolRoot()).isEqualTo(dir.resolve("spool"));
    }
}
