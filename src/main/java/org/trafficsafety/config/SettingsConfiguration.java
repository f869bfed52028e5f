package org.trafficsafety.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.trafficsafety.analysis.AnalysisSettings;
import org.trafficsafety.analysis.index.SafetyIndexCalculator;
import org.trafficsafety.store.archive.ArchiveSettings;

/**
 * Binds the settings records from environment-variable names. Spring's Environment is the lookup, so the same
 * names also work as system properties, in application.yml or in tests' dynamic properties.
 */
@Configuration(proxyBeanMethods = false)
public class SettingsConfiguration {

    @Bean
    EnvSettings envSettings(Environment environment) {
        return new EnvSettings(environment::getProperty);
    }

    @Bean
    DatabaseSettings databaseSettings(EnvSettings env) {
        return DatabaseSettings.from(env);
    }

    @Bean
    StorageSettings storageSettings(EnvSettings env) {
        return StorageSettings.from(env);
    }

    @Bean
    ArchiveSettings archiveSettings(StorageSettings storage) {
        return storage.archive();
    }

    /** The design's analysis defaults with EB_K. */
    @Bean
    AnalysisSettings analysisSettings(EnvSettings env) {
        return AnalysisSettings.defaults().withEbK(env.decimal("EB_K", SafetyIndexCalculator.DEFAULT_EB_K, 0.001, 1e6));
    }

    @Bean
    SourceSettings sourceSettings(EnvSettings env) {
        return SourceSettings.from(env);
    }

    @Bean
    RetentionSettings retentionSettings(EnvSettings env) {
        return RetentionSettings.from(env);
    }

    @Bean
    ServerSettings serverSettings(EnvSettings env) {
        return ServerSettings.from(env);
    }
}
