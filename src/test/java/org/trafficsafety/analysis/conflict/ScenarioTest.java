package org.trafficsafety.analysis.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trafficsafety.analysis.ConflictEvent;

/** The plausibility scenarios of design section 6, each run clean and with seeded 1.5 m GPS noise, at 10 Hz and thinned to 2 Hz. */
class ScenarioTest {

    private static final double GPS_NOISE_M = 1.5;

    static Stream<Arguments> scenarios() {
        List<String> names = List.of("adjacent-lanes-same-direction.json", "adjacent-lanes-opposite.json",
                "pedestrian-on-sidewalk.json", "queue-at-red-noisy.json", "red-light-runner.json",
                "left-turn-across-oncoming.json", "rear-end-approach.json", "pedestrian-crossing-ahead.json");
        return names.stream().flatMap(name -> Stream.of(
                Arguments.of(name, 0.0, 0L, 10.0),
                Arguments.of(name, GPS_NOISE_M, 1L, 10.0),
                Arguments.of(name, GPS_NOISE_M, 2L, 10.0),
                Arguments.of(name, GPS_NOISE_M, 3L, 10.0),
                Arguments.of(name, 0.0, 0L, 2.0),
                Arguments.of(name, GPS_NOISE_M, 4L, 2.0),
                Arguments.of(name, GPS_NOISE_M, 5L, 2.0)));
    }

    @ParameterizedTest(name = "{0} noise {1} m seed {2} at {3} Hz")
    @MethodSource("scenarios")
    void shouldGiveExactlyTheExpectedConflicts(String name, double noiseM, long seed, double rateHz) {
        Scenario scenario = Scenario.load(name);

        List<ConflictEvent> events = scenario.detect(ConflictParameters.defaults(), noiseM, seed, rateHz);

        List<Scenario.Expected> found = events.stream()
                .map(e -> new Scenario.Expected(e.firstId(), e.secondId(), e.type()))
                .toList();
        assertThat(found).as(scenario.description() + "\nevents: " + events)
                .containsExactlyInAnyOrderElementsOf(scenario.expected());
    }
}
