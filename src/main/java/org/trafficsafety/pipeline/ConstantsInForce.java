package org.trafficsafety.pipeline;

import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.trafficsafety.analysis.index.NormalizationConstants;
import org.trafficsafety.store.db.NormalizationConstantsReader;

/**
 * The normalization constants the analysis applies: the {@code normalization_constants} row in force, read at start
 * and every hour (the daily recomputation adds rows), kept in memory so that the engine's per-minute lookup is a
 * field read. Until a row can be read, the shipped defaults (the seeded row 1).
 */
final class ConstantsInForce implements Supplier<NormalizationConstants> {

    private static final Logger log = LoggerFactory.getLogger(ConstantsInForce.class);

    private final NormalizationConstantsReader reader;
    private final Clock clock;
    private final AtomicReference<NormalizationConstants> current = new AtomicReference<>(NormalizationConstants.defaults());

    ConstantsInForce(NormalizationConstantsReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
        quietlyRefresh();
    }

    @Override
    public NormalizationConstants get() {
        return current.get();
    }

    /** Re-reads the row in force; keeps the previous constants when the database cannot say. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    void quietlyRefresh() {
        try {
            reader.findInForce(clock.instant()).ifPresentOrElse(found -> {
                NormalizationConstants previous = current.getAndSet(found);
                if (previous.id() != found.id()) {
                    log.info("collector: normalization constants {} now in force (were {})", found.id(), previous.id());
                }
            }, () -> log.warn("collector: no normalization_constants row in force; keeping constants {}", current.get().id()));
        } catch (SQLException | IllegalStateException e) {
            log.warn("collector: normalization constants not refreshed, keeping {}: {}", current.get().id(), e.getMessage());
        }
    }
}
