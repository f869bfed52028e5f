package org.trafficsafety.tools.simulate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

import org.trafficsafety.message.MessageEncoder;
import org.trafficsafety.message.OdeEncoder;
import org.trafficsafety.message.VccEncoder;
import org.trafficsafety.simulation.SimulationConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tsi simulate --from T --to T --format vcc|ode --out FILE}: the simulator's messages for a time range as
 * JSON lines in a dialect, and its ground-truth conflict log beside them ({@code FILE.truth.csv}).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Write simulated messages of the seeded intersections as JSON lines (VCC or ODE),",
                "with the ground-truth conflict log beside them as FILE.truth.csv. A .gz FILE is gzipped.",
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
        SimulationFiles.Written written = SimulationFiles.write(SimulationConfig.defaults().withSeed(seed), start, end,
                encoder, out, n -> System.err.printf("simulate: %,d messages%n", n));
        System.out.printf("wrote %,d messages to %s and %,d ground-truth conflicts to %s%n", written.messageCount(),
                written.messages(), written.conflictCount(), written.truth());
        System.out.println(written.stats());
        return 0;
    }

    static Instant instant(String text) {
        return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
    }
}
