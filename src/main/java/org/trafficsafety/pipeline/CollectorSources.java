package org.trafficsafety.pipeline;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.trafficsafety.config.EnvSettings;
import org.trafficsafety.config.InvalidSettingException;
import org.trafficsafety.config.SourceSettings;
import org.trafficsafety.message.Dialect;
import org.trafficsafety.message.MessageDecoders;
import org.trafficsafety.simulation.SimulationConfig;
import org.trafficsafety.simulation.SimulatorSource;
import org.trafficsafety.source.MessageSource;
import org.trafficsafety.source.replay.ReplayRange;
import org.trafficsafety.source.replay.ReplaySource;
import org.trafficsafety.store.archive.ArchiveSettings;
import org.trafficsafety.source.vcc.VccSources;

/** The source {@code DATA_SOURCE} names, built from the source settings. */
final class CollectorSources {

    private CollectorSources() {
    }

    /**
     * @param env     for the replay range: {@code REPLAY_FROM}, {@code REPLAY_TO} (ISO instants, required with
     *                {@code DATA_SOURCE=replay}) and {@code REPLAY_SPEED} (1 = real time, 0 = as fast as possible, default 0)
     * @param archive where a replay reads from
     */
    static MessageSource create(SourceSettings settings, EnvSettings env, ArchiveSettings archive) {
        return switch (settings.dataSource()) {
            case "vcc" -> vcc(settings);
            case "simulator" -> new SimulatorSource(SimulationConfig.defaults());
            case "replay" -> ReplaySource.of(archive, archive.parquetStoragePath().resolve("replay-cache"), replayRange(env));
            default -> throw new IllegalStateException("DATA_SOURCE=" + settings.dataSource() + " is not a source");
        };
    }

    static boolean isReplay(SourceSettings settings) {
        return "replay".equals(settings.dataSource());
    }

    private static ReplayRange replayRange(EnvSettings env) {
        Instant from = instant(env, "REPLAY_FROM");
        Instant to = instant(env, "REPLAY_TO");
        if (!to.isAfter(from)) {
            throw new InvalidSettingException("REPLAY_TO", to.toString(), "an instant after REPLAY_FROM (" + from + ")");
        }
        return new ReplayRange(from, to, env.decimal("REPLAY_SPEED", 0, 0, 1_000_000));
    }

    private static Instant instant(EnvSettings env, String name) {
        String raw = env.optional(name).orElseThrow(() -> new InvalidSettingException(name, "", "an ISO instant when DATA_SOURCE=replay"));
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidSettingException(name, raw, "an ISO instant such as 2026-11-24T06:00:00Z");
        }
    }

    private static MessageSource vcc(SourceSettings settings) {
        return VccSources.create(settings.vcc().orElseThrow(), MessageDecoders.of(Dialect.VCC));
    }
}
