package org.trafficsafety.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Whatever arrives, a decoder answers with callbacks, never with an exception. */
class DecoderRobustnessProperties {

    private static final List<String> SEEDS = List.of(
            Collected.resource("vcc/bsm-frame.json"), Collected.resource("vcc/psm.json"),
            Collected.resource("vcc/spat-strings.json"), Collected.resource("vcc/mapdata.json"),
            Collected.resource("ode/bsm.json"), Collected.resource("ode/psm.json"),
            Collected.resource("ode/spat.json"), Collected.resource("ode/map.json"));
    private static final String JSON_CHARS = "{}[]\":,0123456789.-eE truefalsn\\ab";

    private final MessageDecoder decoder = MessageDecoders.auto();

    @Property(tries = 400)
    void mutatedMessagesEndInCallbacksNotExceptions(@ForAll("seeds") String seed,
                                                    @ForAll @IntRange(min = 0, max = 100_000) int position,
                                                    @ForAll @IntRange(min = 0, max = 3) int operation,
                                                    @ForAll("jsonChar") char c) {
        int at = position % seed.length();
        String mutated = switch (operation) {
            case 0 -> seed.substring(0, at);
            case 1 -> seed.substring(0, at) + seed.substring(Math.min(seed.length(), at + 1));
            case 2 -> seed.substring(0, at) + c + seed.substring(at);
            default -> seed.substring(0, at) + c + seed.substring(Math.min(seed.length(), at + 1));
        };

        Collected out = Collected.decode(decoder, mutated, 1_732_406_400_000L);

        assertThat(out.calls()).isPositive();
        assertThat(out.messages).doesNotContainNull();
    }

    @Property(tries = 400)
    void randomJsonishTextEndsInCallbacksUnlessItIsAKeepAlive(@ForAll("jsonish") String text) {
        Collected out = Collected.decode(decoder, text, 0L);

        if (isEmptyArray(text)) {
            assertThat(out.calls()).as("an empty array is a keep-alive: nothing to report").isZero();
        } else {
            assertThat(out.calls()).isPositive();
        }
    }

    private static boolean isEmptyArray(String text) {
        try {
            JsonNode node = new ObjectMapper().readTree(text);
            return node != null && node.isArray() && node.isEmpty();
        } catch (JacksonException e) {
            return false;
        }
    }

    @Property(tries = 200)
    void numbersOfAnyMagnitudeAreReadOrRejectedNeverThrown(@ForAll("numbers") String number) {
        String json = "[{\"timestamp\": " + number + ", \"bsmJson\": {\"coreData\": {\"msgCnt\": " + number
                + ", \"id\": " + number + ", \"secMark\": " + number + ", \"lat\": " + number + ", \"lon\": 1,"
                + " \"speed\": " + number + ", \"size\": {\"width\": " + number + "}}}},"
                + " {\"payload\": {\"data\": {\"messageId\": 20, \"value\": {\"BasicSafetyMessage\": {\"coreData\":"
                + " {\"msgCnt\": 1, \"id\": \"0000002A\", \"lat\": " + number + ", \"long\": " + number + "}}}}}}]";

        Collected vcc = Collected.decode(new VccDecoder(), json, 0L);
        Collected ode = Collected.decode(new OdeDecoder(), json, 0L);

        assertThat(vcc.calls()).isEqualTo(2);
        assertThat(ode.calls()).isEqualTo(2);
    }

    @Provide
    Arbitrary<String> seeds() {
        return Arbitraries.of(SEEDS);
    }

    @Provide
    Arbitrary<Character> jsonChar() {
        return Arbitraries.of(JSON_CHARS.chars().mapToObj(i -> (char) i).toList());
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars(JSON_CHARS.toCharArray()).ofMinLength(0).ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("1e400", "-1e400", "123456789012345678901234567890", "0.0", "-0", "65535", "4294967296"));
    }
}
