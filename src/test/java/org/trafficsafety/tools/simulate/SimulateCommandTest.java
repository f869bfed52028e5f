package org.trafficsafety.tools.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trafficsafety.simulation.BenignPassing;
import picocli.CommandLine;

class SimulateCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteMessagesAndTheGroundTruthLog() throws IOException {
        Path out = dir.resolve("two-minutes.ode.jsonl");

        int exit = run("--from", "2026-11-24T07:00:00Z", "--to", "2026-11-24T07:02:00Z", "--format", "ode", "--out", out.toString());

        assertThat(exit).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSizeGreaterThan(1_000).allSatisfy(l -> assertThat(l).startsWith("{\"metadata\""));
        assertThat(Files.readAllLines(SimulationFiles.truthFile(out)).get(0)).isEqualTo(GroundTruthCsv.HEADER);
        // the passings log reads back into the passings it was written from: two minutes of four peak intersections
        // have pairs in adjacent lanes and VRUs on sidewalks, each passing starting no later than it ends
        Path passings = SimulationFiles.passingsFile(out);
        assertThat(SimulationFiles.passingsBesideTruth(SimulationFiles.truthFile(out))).isEqualTo(passings);
        List<BenignPassing> read = PassingCsv.read(passings);
        assertThat(read).hasSize(Files.readAllLines(passings).size() - 1)
                .extracting(BenignPassing::situation).contains(BenignPassing.Situation.VEHICLES_IN_SEPARATE_LANES,
                        BenignPassing.Situation.PEDESTRIAN_ON_SIDEWALK);
        assertThat(read).allMatch(p -> p.startMs() <= p.endMs() && p.startMs() >= 1_795_503_600_000L);
    }

    @Test
    void shouldLayOutAnIntersectionFromAMapDataFile() throws IOException, java.net.URISyntaxException {
        Path mapData = Path.of(getClass().getResource("/simulation/vcc-mapdata-fourleg.json").toURI());
        Path out = dir.resolve("mapped.vcc.jsonl");

        int exit = run("--from", "2026-11-24T07:00:00Z", "--to", "2026-11-24T07:01:00Z", "--mapdata", mapData.toString(),
                "--out", out.toString());

        assertThat(exit).isZero();
        // the intersection is published with the MapData's own lanes, not the synthesized layout's 32
        int givenLanes = count(Files.readString(mapData), "\"laneID\"");
        assertThat(givenLanes).isNotEqualTo(32);
        assertThat(Files.readAllLines(out)).filteredOn(l -> l.contains("\"laneSet\""))
                .anySatisfy(l -> assertThat(count(l, "\"laneID\"")).isEqualTo(givenLanes));
    }

    @Test
    void shouldRefuseAMapDataFileWithoutMapData() throws IOException {
        Path notMap = dir.resolve("not-a-map.json");
        Files.writeString(notMap, "[]");

        assertThat(run("--from", "2026-11-24T07:00:00Z", "--to", "2026-11-24T07:01:00Z", "--mapdata", notMap.toString(),
                "--out", dir.resolve("y.jsonl").toString())).isEqualTo(2);
    }

    @Test
    void shouldRefuseAmbiguousOrMissingRanges() {
        String out = dir.resolve("x.jsonl").toString();

        assertThat(run("--out", out)).isEqualTo(2);
        assertThat(run("--days", "7", "--from", "2026-11-24", "--to", "2026-11-25", "--out", out)).isEqualTo(2);
        assertThat(run("--from", "2026-11-25", "--to", "2026-11-24", "--out", out)).isEqualTo(2);
        assertThat(run("--from", "yesterday", "--to", "2026-11-24", "--out", out)).isEqualTo(2);
        assertThat(run("--from", "2026-11-24", "--to", "2026-11-25", "--format", "xml", "--out", out)).isEqualTo(2);
        assertThat(Files.exists(Path.of(out))).isFalse();
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            n++;
        }
        return n;
    }

    private static int run(String... args) {
        CommandLine command = new CommandLine(new SimulateCommand());
        command.setErr(new PrintWriter(new StringWriter()));
        return command.execute(args);
    }
}
