package org.trafficsafety.tools.simulate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageDecoder;
import org.trafficsafety.message.MessageDecoders;
import org.trafficsafety.message.MessageEncoder;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.OdeEncoder;
import org.trafficsafety.message.RejectReason;
import org.trafficsafety.message.VccEncoder;
import org.trafficsafety.simulation.SimulationConfig;
import org.trafficsafety.source.file.MessageFileReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tsi simulate --from T --to T --format vcc|ode --out FILE}: the simulator's messages for a time range as
 * JSON lines in a dialect, and its ground-truth conflict log and passings log beside them ({@code FILE.truth.csv},
 * {@code FILE.passings.csv}).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Write simulated messages of the seeded intersections as JSON lines (VCC or ODE),",
                "with the ground-truth conflict log beside them as FILE.truth.csv and the passings of road users",
                "that cannot collide as FILE.passings.csv. A .gz FILE is gzipped.",
                "Range: --from T --to T, or batch mode --days N [--end T|now]. Runs as fast as the CPU allows."})
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "T", description = "start: ISO instant (2026-11-24T07:00:00Z) or date (UTC midnight)")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "end (exclusive), same forms as --from")
    String to;

    @Option(names = "--days", paramLabel = "N", description = "batch mode: N days ending at --end (instead of --from/--to)")
    Integer days;

    @Option(names = "--end", paramLabel = "T|now", defaultValue = "now",
            description = "with --days: the end, same forms as --from, or now (the current minute; default)")
    String end;

    @Option(names = "--format", defaultValue = "vcc", paramLabel = "vcc|ode", description = "dialect (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "output file (.jsonl, or .jsonl.gz)")
    Path out;

    @Option(names = "--mapdata", paramLabel = "FILE",
            description = "MapData messages (VCC or ODE JSON) whose intersections are laid out from their lanes instead of"
                    + " the synthesized four-leg layout")
    Path mapData;

    @Option(names = "--seed", defaultValue = "1", description = "random seed; the same seed gives the same file (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws IOException {
        if ((days == null) == (from == null || to == null)) {
            System.err.println("tsi simulate: give either --from and --to, or --days (with --end, default now)");
            return 2;
        }
        Instant start;
        Instant end;
        try {
            if (days != null) {
                end = this.end.equals("now")
                        ? Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES) : instant(this.end);
                start = end.minus(java.time.Duration.ofDays(days));
            } else {
                start = instant(from);
                end = instant(to);
            }
        } catch (DateTimeParseException e) {
            System.err.println("tsi simulate: cannot read time '" + e.getParsedString() + "': use 2026-11-24T07:00:00Z or 2026-11-24");
            return 2;
        }
        if (!end.isAfter(start)) {
            System.err.println("tsi simulate: --to (" + end + ") must be after --from (" + start + ")");
            return 2;
        }
        MessageEncoder encoder = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "vcc" -> new VccEncoder();
            case "ode" -> new OdeEncoder();
            default -> null;
        };
        if (encoder == null) {
            System.err.println("tsi simulate: --format must be vcc or ode, was '" + format + "'");
            return 2;
        }
        SimulationConfig config = SimulationConfig.defaults().withSeed(seed);
        if (mapData != null) {
            List<MapData> maps = readMapData(mapData);
            if (maps.isEmpty()) {
                System.err.println("tsi simulate: no MapData message in " + mapData);
                return 2;
            }
            // an intersection the MapData describes is simulated too, when it is not one of the seeded ones
            List<Intersection> intersections = new ArrayList<>(config.intersections());
            for (MapData m : maps) {
                for (MapData.IntersectionGeometry g : m.intersections()) {
                    if (intersections.stream().noneMatch(i -> i.id() == g.id())) {
                        intersections.add(new Intersection(g.id(), g.name().isBlank() ? "intersection " + g.id() : g.name(),
                                g.refLatitude(), g.refLongitude()));
                    }
                }
            }
            config = config.withIntersections(intersections).withMapData(maps);
        }
        SimulationFiles.Written written = SimulationFiles.write(config, start, end,
                encoder, out, n -> System.err.printf("simulate: %,d messages%n", n));
        System.out.printf("wrote %,d messages to %s, %,d ground-truth conflicts to %s and %,d passings to %s%n",
                written.messageCount(), written.messages(), written.conflictCount(), written.truth(), written.passingCount(),
                written.passings());
        System.out.println(written.stats());
        return 0;
    }

    private static List<MapData> readMapData(Path file) throws IOException {
        List<MapData> maps = new ArrayList<>();
        MessageDecoder decoder = MessageDecoders.auto();
        MessageListener collect = new MessageListener() {
            @Override
            public void onMessage(Message message) {
                if (message instanceof MapData m) {
                    maps.add(m);
                }
            }

            @Override
            public void onRejected(MessageType type, RejectReason reason, String detail) {
                System.err.println("tsi simulate: " + file + ": a message was rejected (" + reason.label() + "): " + detail);
            }
        };
        MessageFileReader.read(file, document -> decoder.decode(document.json(), 0, collect));
        return maps;
    }

    static Instant instant(String text) {
        return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
    }
}
