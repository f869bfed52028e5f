package org.trafficsafety.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

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
