package org.trafficsafety.tools.analyze;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.message.Dialect;
import org.trafficsafety.message.MessageDecoder;
import org.trafficsafety.message.MessageDecoders;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The input options that {@code tsi analyze} and {@code tsi ingest} share: files, dialect, intersections. */
public final class RecordedInput {

    /** The options checked and turned into what the analysis needs. */
    record Resolved(MessageDecoder decoder, List<Intersection> intersections) {
    }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "message files (JSON array or JSON lines, plain or .gz); several are merged by event time")
    List<Path> files;

    @Option(names = "--format", paramLabel = "vcc|ode|auto", defaultValue = "auto",
            description = "message dialect; auto detects it per document (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--intersections", paramLabel = "FILE",
            description = "CSV (id,name,lat,lon[,radius_m]) or GeoJSON intersections, added to the seeded ones")
    Path intersectionsFile;

    @Option(names = "--no-seeded", description = "do not include the four seeded VCC intersections")
    boolean noSeeded;

    /** Checks the options; on a problem prints it (prefixed with the command) and returns empty. */
    Optional<Resolved> resolve(String command) {
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                System.err.println("tsi " + command + ": cannot read " + file);
                return Optional.empty();
            }
        }
        MessageDecoder decoder;
        try {
            decoder = format.equalsIgnoreCase("auto") ? MessageDecoders.auto() : MessageDecoders.of(Dialect.parse(format));
        } catch (IllegalArgumentException e) {
            System.err.println("tsi " + command + ": --format must be vcc, ode or auto, was '" + format + "'");
            return Optional.empty();
        }
        Map<Integer, Intersection> byId = new LinkedHashMap<>();
        if (!noSeeded) {
            Intersection.seeded().forEach(i -> byId.put(i.id(), i));
        }
        if (intersectionsFile != null) {
            try {
                IntersectionsFile.read(intersectionsFile).forEach(i -> byId.put(i.id(), i));
            } catch (IllegalArgumentException | java.io.IOException e) {
                System.err.println("tsi " + command + ": " + e.getMessage());
                return Optional.empty();
            }
        }
        return Optional.of(new Resolved(decoder, new ArrayList<>(byId.values())));
    }
}
