package org.trafficsafety.message;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * J2735 relative times to epoch milliseconds UTC. J2735 messages carry only the millisecond within the minute
 * (secMark, DSecond) or the tenth of a second within the hour (TimeMark); the absolute time is rebuilt around
 * the receipt time, taking the candidate nearest to it so that a minute or hour roll-over between sending and
 * receipt resolves either way.
 */
public final class EventTime {

    /** TimeMark 36000 ("more than an hour away") and 36001 ("unknown"); everything above is also unusable. */
    public static final int TIME_MARK_UNKNOWN_FROM = 36000;
    /** Highest TimeMark the J2735-2024 schema admits. */
    public static final int TIME_MARK_MAX = 36111;

    private static final long MINUTE_MS = 60_000L;
    private static final long HOUR_MS = 3_600_000L;

    private EventTime() {
    }

    /** Whether a secMark is a real millisecond of the minute (not 65535 "unavailable", not a leap second). */
    public static boolean isValidSecMark(int secMark) {
        return secMark >= 0 && secMark < MINUTE_MS;
    }

    /**
     * @param secMark      ms within the minute, 0..59999; anything else (65535 = unavailable) yields the receipt
     * @param receivedAtMs receipt time, epoch ms
     * @return the epoch ms with that secMark nearest to the receipt time (at most 30 s away)
     */
    public static long fromSecMark(int secMark, long receivedAtMs) {
        if (!isValidSecMark(secMark)) {
            return receivedAtMs;
        }
        return nearest(Math.floorDiv(receivedAtMs, MINUTE_MS) * MINUTE_MS + secMark, receivedAtMs, MINUTE_MS);
    }

    /**
     * @param tenths       TimeMark, tenths of a second since the start of the hour
     * @return the epoch ms nearest to the receipt time, or {@link Spat#TIME_UNKNOWN} for 36000 and above
     */
    public static long fromTimeMark(int tenths, long receivedAtMs) {
        if (tenths < 0 || tenths >= TIME_MARK_UNKNOWN_FROM) {
            return Spat.TIME_UNKNOWN;
        }
        return nearest(Math.floorDiv(receivedAtMs, HOUR_MS) * HOUR_MS + tenths * 100L, receivedAtMs, HOUR_MS);
    }

    /** The secMark (ms within the minute) of an epoch time. */
    public static int secMarkOf(long epochMs) {
        return (int) Math.floorMod(epochMs, MINUTE_MS);
    }

    /** The TimeMark (tenths of a second within the hour, truncated) of an epoch time; 36001 for unknown. */
    public static int timeMarkOf(long epochMs) {
        if (epochMs == Spat.TIME_UNKNOWN) {
            return TIME_MARK_UNKNOWN_FROM + 1;
        }
        return (int) (Math.floorMod(epochMs, HOUR_MS) / 100);
    }

    private static long nearest(long candidate, long receivedAtMs, long period) {
        long best = candidate;
        if (Math.abs(candidate - period - receivedAtMs) < Math.abs(best - receivedAtMs)) {
            best = candidate - period;
        }
        if (Math.abs(candidate + period - receivedAtMs) < Math.abs(best - receivedAtMs)) {
            best = candidate + period;
        }
        return best;
    }

    /**
     * Parses an ISO-8601 time such as ODE's {@code odeReceivedAt} ({@code 2023-09-21T15:30:14.926500Z}).
     * The common UTC form is read by hand; other offsets go through java.time.
     *
     * @return epoch ms, or {@code fallbackMs} when the text is null, empty or not a time
     */
    public static long parseIsoUtc(String text, long fallbackMs) {
        return text == null ? fallbackMs : parseIsoUtc(text.toCharArray(), 0, text.length(), fallbackMs);
    }

    /** As {@link #parseIsoUtc(String, long)} over a slice of characters (a parser's buffer): no allocation. */
    public static long parseIsoUtc(char[] buf, int off, int len, long fallbackMs) {
        if (len == 0) {
            return fallbackMs;
        }
        long fast = parseUtcFast(buf, off, len);
        if (fast != Long.MIN_VALUE) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(new String(buf, off, len)).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return fallbackMs;
        }
    }

    /** yyyy-MM-ddTHH:mm:ss[.fraction]Z, else Long.MIN_VALUE. */
    private static long parseUtcFast(char[] s, int off, int n) {
        if (n < 20 || s[off + n - 1] != 'Z' || s[off + 4] != '-' || s[off + 7] != '-' || s[off + 10] != 'T'
                || s[off + 13] != ':' || s[off + 16] != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, off, 4);
        int month = digits(s, off + 5, 2);
        int day = digits(s, off + 8, 2);
        int hour = digits(s, off + 11, 2);
        int minute = digits(s, off + 14, 2);
        int second = digits(s, off + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        int millis = 0;
        if (n > 20) {
            if (s[off + 19] != '.') {
                return Long.MIN_VALUE;
            }
            int scale = 100;
            for (int i = off + 20; i < off + n - 1; i++) {
                int d = s[i] - '0';
                if (d < 0 || d > 9) {
                    return Long.MIN_VALUE;
                }
                millis += d * scale;
                scale /= 10;
            }
        }
        long days = daysFromCivil(year, month, day);
        return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
    }

    private static int digits(char[] s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = s[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    private static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
