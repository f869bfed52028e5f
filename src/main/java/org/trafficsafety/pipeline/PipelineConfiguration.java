package org.trafficsafety.pipeline;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trafficsafety.analysis.AnalysisEngine;
import org.trafficsafety.analysis.AnalysisSettings;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.index.NormalizationConstants;
import org.trafficsafety.analysis.index.TrailingHistoryPrior;
import org.trafficsafety.api.HealthSection;
import org.trafficsafety.config.EnvSettings;
import org.trafficsafety.config.SourceSettings;
import org.trafficsafety.config.StorageSettings;
import org.trafficsafety.source.MessageSource;
import org.trafficsafety.store.archive.ArchiveSettings;

/**
 * Wires the collector when {@code COLLECTOR_ENABLED=true}: the source {@code DATA_SOURCE} names, the analysis engine
 * (seeded intersections, shipped normalization constants, in-memory EB prior, {@code EB_K}), the isolated sinks and
 * the {@code collector} section of /health. Spring starts it after the database is migrated and closes it on
 * shutdown, which flushes everything.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "COLLECTOR_ENABLED", havingValue = "true")
public class PipelineConfiguration {

    @Bean
    PipelineSettings pipelineSettings(EnvSettings env, StorageSettings storage) {
        return PipelineSettings.from(env, storage);
    }

    @Bean
    PipelineMetrics pipelineMetrics(MeterRegistry registry) {
        return new PipelineMetrics(registry);
    }

    @Bean(destroyMethod = "close")
    MessageSource collectorSource(SourceSettings sources) {
        return CollectorSources.create(sources);
    }

    @Bean
    CollectorSinks collectorSinks(PipelineSettings settings, HikariDataSource dataSource, StorageSettings storage,
                                  PipelineMetrics metrics) throws IOException {
        ArchiveSettings archive = new ArchiveSettings(storage.gcsBucket().orElse(""), storage.gcsProjectId().orElse(""),
                storage.usesGcs(), storage.archiveDir(), storage.parquetStoragePath());
        return CollectorSinks.open(settings.collector(), dataSource, Optional.of(archive.openStore()), metrics, Clock.systemUTC());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    Collector collector(MessageSource collectorSource, CollectorSinks sinks, PipelineSettings settings, PipelineMetrics metrics,
                        EnvSettings env) {
        AnalysisSettings analysis = AnalysisSettings.defaults().withEbK(env.decimal("EB_K", 50, 0.001, 1_000_000));
        TrailingHistoryPrior prior = new TrailingHistoryPrior();
        return new Collector(collectorSource,
                listener -> new AnalysisEngine(Intersection.seeded(), analysis, NormalizationConstants::defaults, prior, listener,
                        (intersection, geometry) -> { }),
                sinks, settings.collector(), metrics, Clock.systemUTC());
    }

    @Bean
    HealthSection collectorHealth(Collector collector) {
        return new CollectorHealthSection(collector);
    }
}
