package org.trafficsafety.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalysisSettingsTest {

    @Test
    void shouldCarryTheDesignsDefaults() {
        AnalysisSettings d = AnalysisSettings.defaults();

        assertThat(d.lateness()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.zoneRadiusM()).isEqualTo(120.0);
        assertThat(d.ebK()).isEqualTo(50.0);
        assertThat(d.features().hardBrakingMps2()).isEqualTo(-3.0);
        assertThat(d.features().minDerivationWindowMs()).isEqualTo(500);
        assertThat(d.aliases()).isEmpty();
    }

    @Test
    void shouldRefuseImpossibleValuesNamingThem() {
        AnalysisSettings d = AnalysisSettings.defaults();

        assertThatThrownBy(() -> d.withLateness(Duration.ofSeconds(-1))).hasMessageContaining("lateness must be within 0..10 min, was PT-1S");
        assertThatThrownBy(() -> d.withEbK(0)).hasMessageContaining("finite EB k > 0 (0.0)");
        assertThatThrownBy(() -> new AnalysisSettings(d.lateness(), -5, d.laneMarginM(), Map.of(), d.ebK(), d.weights(),
                d.features(), d.conflicts())).hasMessageContaining("zone radius > 0 m (-5.0)");
    }

    @Test
    void shouldCopyTheAliasTable() {
        java.util.HashMap<String, Integer> aliases = new java.util.HashMap<>(Map.of("US-29 & Nutley", 156));
        AnalysisSettings s = AnalysisSettings.defaults().withAliases(aliases);
        aliases.clear();

        assertThat(s.aliases()).containsEntry("US-29 & Nutley", 156);
    }
}
