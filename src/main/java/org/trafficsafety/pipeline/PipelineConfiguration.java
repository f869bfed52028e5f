package org.trafficsafety.pipeline;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trafficsafety.analysis.AnalysisEngine;
import org.trafficsafety.analysis.AnalysisSettings;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.index.TrailingHistoryPrior;
import org.trafficsafety.config.EnvSettings;
import org.trafficsafety.config.SourceSettings;
import org.trafficsafety.config.StorageSettings;
import org.trafficsafety.source.MessageSource;
import org.trafficsafety.store.archive.ArchiveSettings;
import org.trafficsafety.store.db.IntersectionWriter;
import org.trafficsafety.store.db.NormalizationConstantsReader;

/**
 * Wires the collector when {@code COLLECTOR_ENABLED=true}: the source {@code DATA_SOURCE} names, the analysis engine
 * (the intersections table, the normalization constants in force, in-memory EB prior, {@code EB_K}) and the isolated
 * sinks; the api package shows it in /health. Spring starts it after the database is migrated and closes it on
 * shutdown, which flushes everything.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "COLLECTOR_ENABLED", havingValue = "true")
public class PipelineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PipelineConfiguration.class);

    @Bean
    PipelineSettings pipelineSettings(EnvSettings env, StorageSettings storage) {
        return PipelineSettings.from(env, storage);
    }

    @Bean
    ConstantsInForce constantsInForce(HikariDataSource dataSource, FlywayMigrationInitializer flywayInitializer) {
        return new ConstantsInForce(new NormalizationConstantsReader(dataSource), Clock.systemUTC());
    }

    @Bean
    PipelineMetrics pipelineMetrics(MeterRegistry registry) {
        return new PipelineMetrics(registry);
    }

    @Bean
    ArchiveSettings collectorArchive(StorageSettings storage) {
        return storage.archive();
    }

    /** Closed by the collector (destroyMethod ""), which stops the source before flushing. */
    @Bean(destroyMethod = "")
    MessageSource collectorSource(SourceSettings sources, EnvSettings env, ArchiveSettings collectorArchive) {
        return CollectorSources.create(sources, env, collectorArchive);
    }

    /** The collector's batching and files; a replay gets no heartbeat and no second raw archive. */
    @Bean
    CollectorSettings collectorSettings(PipelineSettings settings, SourceSettings sources) {
        return CollectorSources.isReplay(sources) ? settings.collector().forReplay() : settings.collector();
    }

    /** Closed by the collector after its last flush. */
    @Bean(destroyMethod = "")
    CollectorSinks collectorSinks(CollectorSettings collectorSettings, HikariDataSource dataSource, ArchiveSettings collectorArchive,
                                  PipelineMetrics metrics) throws IOException {
        return CollectorSinks.open(collectorSettings, dataSource, Optional.of(collectorArchive.openStore()), metrics, Clock.systemUTC());
    }

    /**
     * Started and stopped by {@link #collectorLifecycle}; close() again at destruction is a no-op. Built after the
     * migrations ({@code flywayInitializer}), since it reads the intersections table.
     */
    @Bean(destroyMethod = "close")
    Collector collector(MessageSource collectorSource, CollectorSinks sinks, CollectorSettings collectorSettings, PipelineMetrics metrics,
                        EnvSettings env, HikariDataSource dataSource, FlywayMigrationInitializer flywayInitializer,
                        ConstantsInForce constants) {
        AnalysisSettings analysis = AnalysisSettings.defaults().withEbK(env.decimal("EB_K", 50, 0.001, 1_000_000));
        TrailingHistoryPrior prior = new TrailingHistoryPrior();
        List<Intersection> intersections = knownIntersections(dataSource);
        return new Collector(collectorSource,
                (output, newIntersections) -> new AnalysisEngine(intersections, analysis, constants, prior,
                        output, newIntersections),
                sinks, collectorSettings, metrics, Clock.systemUTC());
    }

    /** The intersections table (seeded ones and those MapData registered), or the seeded four when it cannot be read. */
    private static List<Intersection> knownIntersections(HikariDataSource dataSource) {
        try {
            List<Intersection> stored = new IntersectionWriter(dataSource).readAll();
            return stored.isEmpty() ? Intersection.seeded() : stored;
        } catch (SQLException e) {
            log.warn("collector: intersections table unreadable ({}); starting with the seeded intersections", e.getMessage());
            return Intersection.seeded();
        }
    }

    @Bean
    CollectorLifecycle collectorLifecycle(Collector collector) {
        return new CollectorLifecycle(collector);
    }
}
