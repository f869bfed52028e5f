package org.trafficsafety.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads typed settings by their environment-variable names (DB_PORT, EB_K, ...) from a lookup (the process
 * environment, or Spring's Environment, which adds system properties and test properties under the same names).
 * Every parse failure is an {@link InvalidSettingException} naming the variable; blank counts as unset.
 */
public final class EnvSettings {

    private final Function<String, String> lookup;

    public EnvSettings(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** The process environment. */
    public static EnvSettings fromSystemEnvironment() {
        return new EnvSettings(System::getenv);
    }

    public Optional<String> optional(String name) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public String string(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the expected range
        }
        throw new InvalidSettingException(name, raw.get(), "an integer in " + min + ".." + max);
    }

    public double decimal(String name, double defaultValue, double min, double max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the expected range
        }
        throw new InvalidSettingException(name, raw.get(), "a number in " + min + ".." + max);
    }

    public boolean bool(String name, boolean defaultValue) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new InvalidSettingException(name, raw.get(), "true or false");
        };
    }

    /** One of {@code allowed} (case-insensitive), returned in lower case. */
    public String choice(String name, String defaultValue, Set<String> allowed) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        String value = raw.get().toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new InvalidSettingException(name, raw.get(), "one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    /** A whole number of {@code unit}s, e.g. RETENTION_REALTIME_HOURS. */
    public Duration duration(String name, Duration defaultValue, ChronoUnit unit, long min, long max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(raw.get());
            if (value >= min && value <= max) {
                return Duration.of(value, unit);
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the expected range
        }
        throw new InvalidSettingException(name, raw.get(), "a whole number of " + unit.toString().toLowerCase(Locale.ROOT)
                + " in " + min + ".." + max);
    }

    /** Seconds, fractions allowed (COLLECTION_INTERVAL=0.5). */
    public Duration seconds(String name, Duration defaultValue, Duration min, Duration max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            Duration value = Duration.ofNanos(Math.round(Double.parseDouble(raw.get()) * 1e9));
            if (value.compareTo(min) >= 0 && value.compareTo(max) <= 0) {
                return value;
            }
        } catch (NumberFormatException | ArithmeticException notANumber) {
            // reported below with the expected range
        }
        throw new InvalidSettingException(name, raw.get(), "seconds in " + min.toMillis() / 1000.0 + ".." + max.toMillis() / 1000.0);
    }

    public Path path(String name, String defaultValue) {
        String raw = string(name, defaultValue);
        try {
            return Path.of(raw);
        } catch (InvalidPathException e) {
            throw new InvalidSettingException(name, raw, "a file system path (" + e.getReason() + ")");
        }
    }

    /** An http(s) URL without a trailing slash. */
    public String url(String name, String defaultValue) {
        String raw = string(name, defaultValue);
        try {
            URI uri = new URI(raw);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
            }
        } catch (URISyntaxException malformed) {
            // reported below
        }
        throw new InvalidSettingException(name, raw, "an http:// or https:// URL with a host");
    }
}
