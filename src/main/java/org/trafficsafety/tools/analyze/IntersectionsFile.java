package org.trafficsafety.tools.analyze;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.geometry.LocalFrame;
import org.trafficsafety.message.MapData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code --intersections FILE}: CSV with a header naming {@code id,name,lat,lon} and optionally
 * {@code radius_m}, or GeoJSON (a FeatureCollection whose features have properties {@code id}, {@code name} and
 * optionally {@code radius_m}, and a Point geometry; or a Polygon geometry, the zone itself, with the reference point
 * from properties {@code lat}/{@code lon} or else the vertex centroid). Errors name the file and line.
 */
final class IntersectionsFile {

    private IntersectionsFile() {
    }

    static List<Intersection> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String trimmed = text.stripLeading();
        return trimmed.startsWith("{") ? geoJson(file, trimmed) : csv(file, text);
    }

    private static List<Intersection> csv(Path file, String text) {
        String[] lines = text.split("\r?\n");
        if (lines.length == 0) {
            throw new IllegalArgumentException(file + ": empty intersections file");
        }
        Map<String, Integer> column = new HashMap<>();
        String[] header = lines[0].split(",");
        for (int i = 0; i < header.length; i++) {
            column.put(header[i].trim().toLowerCase(Locale.ROOT), i);
        }
        for (String required : List.of("id", "name", "lat", "lon")) {
            if (!column.containsKey(required)) {
                throw new IllegalArgumentException(file + ":1: header needs columns id,name,lat,lon (optional radius_m), has " + lines[0]);
            }
        }
        List<Intersection> out = new ArrayList<>();
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            String[] f = lines[n].split(",");
            try {
                double radius = column.containsKey("radius_m") && column.get("radius_m") < f.length
                        && !f[column.get("radius_m")].isBlank()
                        ? Double.parseDouble(f[column.get("radius_m")].trim()) : Intersection.DEFAULT_ZONE_RADIUS_M;
                out.add(new Intersection(Integer.parseInt(f[column.get("id")].trim()), f[column.get("name")].trim(),
                        Double.parseDouble(f[column.get("lat")].trim()), Double.parseDouble(f[column.get("lon")].trim()),
                        radius));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ":" + (n + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static List<Intersection> geoJson(Path file, String text) {
        JsonNode root = JsonMapper.builder().build().readTree(text);
        List<Intersection> out = new ArrayList<>();
        int index = 0;
        for (JsonNode feature : root.path("features")) {
            try {
                out.add(feature(feature));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ": feature " + index + ": " + e.getMessage(), e);
            }
            index++;
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": no features (expected a GeoJSON FeatureCollection)");
        }
        return out;
    }

    private static Intersection feature(JsonNode feature) {
        JsonNode props = feature.path("properties");
        if (!props.path("id").isNumber() || !props.path("name").isString()) {
            throw new IllegalArgumentException("properties need a numeric id and a name");
        }
        int id = props.path("id").asInt();
        String name = props.path("name").asString();
        JsonNode geometry = feature.path("geometry");
        String type = geometry.path("type").asString("");
        if (type.equals("Point")) {
            JsonNode c = geometry.path("coordinates");
            double radius = props.path("radius_m").asDouble(Intersection.DEFAULT_ZONE_RADIUS_M);
            return new Intersection(id, name, c.path(1).asDouble(), c.path(0).asDouble(), radius);
        }
        if (type.equals("Polygon")) {
            JsonNode ring = geometry.path("coordinates").path(0);
            int n = ring.size() > 1 && ring.get(0).equals(ring.get(ring.size() - 1)) ? ring.size() - 1 : ring.size();
            if (n < 3) {
                throw new IllegalArgumentException("a zone polygon needs at least 3 vertices");
            }
            List<MapData.GeoPoint> vertices = new ArrayList<>();
            double lat = 0;
            double lon = 0;
            for (int i = 0; i < n; i++) {
                vertices.add(new MapData.GeoPoint(ring.get(i).path(1).asDouble(), ring.get(i).path(0).asDouble()));
                lon += ring.get(i).path(0).asDouble();
                lat += ring.get(i).path(1).asDouble();
            }
            // reference point: the vertex centroid, unless the properties give one
            lat = props.has("lat") ? props.path("lat").asDouble() : lat / n;
            lon = props.has("lon") ? props.path("lon").asDouble() : lon / n;
            LocalFrame frame = new LocalFrame(lat, lon);
            double radius = 0;
            for (MapData.GeoPoint v : vertices) {
                radius = Math.max(radius, Math.hypot(frame.east(v.longitude()), frame.north(v.latitude())));
            }
            return new Intersection(id, name, lat, lon, radius, vertices);
        }
        throw new IllegalArgumentException("geometry must be a Point or a Polygon, was '" + type + "'");
    }
}
