package org.trafficsafety.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.trafficsafety.TrafficSafetyApplication;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application refuses to start on an invalid setting and says which variable is wrong. */
class StartupValidationTest {

    @ParameterizedTest
    @CsvSource({"DB_PORT, abc", "POSTGRESQL_READ_PERCENT, 150", "DATA_SOURCE, kafka", "RETENTION_REALTIME_HOURS, 0", "PORT, 70000"})
    void shouldFailStartupNamingTheVariable(String variable, String value) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(TrafficSafetyApplication.class)
                .web(WebApplicationType.NONE)
                .properties(variable + "=" + value, "spring.main.banner-mode=off",
                        // the failure is expected: keep its report out of the build log
                        "logging.level.org.springframework.boot.diagnostics=OFF",
                        "logging.level.org.springframework.boot.SpringApplication=OFF",
                        "logging.level.org.springframework.context=OFF");

        assertThatThrownBy(application::run)
                .rootCause()
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith(variable + "=" + value + " is invalid: expected ");
    }
}
