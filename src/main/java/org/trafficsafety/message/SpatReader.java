package org.trafficsafety.message;

import static org.trafficsafety.message.TreeMessages.elements;
import static org.trafficsafety.message.TreeMessages.field;
import static org.trafficsafety.message.TreeMessages.intValue;
import static org.trafficsafety.message.TreeMessages.requiredInt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trafficsafety.message.Spat.IntersectionState;
import org.trafficsafety.message.Spat.MovementEvent;
import org.trafficsafety.message.Spat.MovementState;
import org.trafficsafety.message.Spat.SignalPhase;
import org.trafficsafety.message.TreeMessages.Invalid;
import org.trafficsafety.message.TreeMessages.Layout;
import tools.jackson.databind.JsonNode;

/**
 * SPaT intersections of any layout into the model. VCC timing is epoch ms (36000/36001 passed through mean
 * unknown); ODE timing is a TimeMark, tenths of a second within the hour, resolved around the receipt time.
 * The event time is the first intersection's {@code timeStamp} (ms within the minute), else the receipt time.
 */
final class SpatReader {

    /** IntersectionStatusObject bit names in order (v6/v8 expand them to booleans). */
    private static final String[] STATUS_BITS = {
        "manualControlIsEnabled", "stopTimeIsActivated", "failureFlash", "preemptIsActive",
        "signalPriorityIsActive", "fixedTimeOperation", "trafficDependentOperation", "standbyOperation",
        "failureMode", "off", "recentMAPmessageUpdate", "recentChangeInMAPassignedLanesIDsUsed",
        "noValidMAPisAvailableAtThisTime", "noValidSPATisAvailableAtThisTime"};
    private static final SignalPhase[] PHASES = SignalPhase.values();

    private SpatReader() {
    }

    static Spat read(JsonNode intersections, long receivedAtMs, Layout layout) {
        List<IntersectionState> out = new ArrayList<>();
        long eventTimeMs = receivedAtMs;
        boolean eventTimeSet = false;
        for (JsonNode ix : elements(intersections, "intersectionStatelist")) {
            int ts = intValue(ix.get("timeStamp"), -1);
            if (!eventTimeSet && EventTime.isValidSecMark(ts)) {
                eventTimeMs = EventTime.fromSecMark(ts, receivedAtMs);
                eventTimeSet = true;
            }
            out.add(intersection(ix, receivedAtMs, layout));
        }
        return new Spat(eventTimeMs, receivedAtMs, out);
    }

    private static IntersectionState intersection(JsonNode ix, long receivedAtMs, Layout layout) {
        JsonNode id = ix.get("id");
        int intersectionId = requiredInt(id == null ? null : id.get("id"), "intersection id");
        JsonNode statusNode = ix.get("status");
        int status;
        if (statusNode != null && statusNode.isObject() && !statusNode.has("value")) {
            status = TreeMessages.namedBits(statusNode, STATUS_BITS) << 2;
        } else {
            status = Math.max(0, TreeMessages.bitString(statusNode, 16));
        }
        List<MovementState> states = new ArrayList<>();
        for (JsonNode state : elements(ix.get("states"), "movementList")) {
            int signalGroup = requiredInt(state.get("signalGroup"), "signalGroup");
            List<MovementEvent> events = new ArrayList<>();
            JsonNode list = field(state, "stateTimeSpeed", "state-time-speed", "state_time_speed");
            for (JsonNode event : elements(list, "movementEventList")) {
                events.add(event(event, receivedAtMs, layout));
            }
            states.add(new MovementState(signalGroup, events));
        }
        return new IntersectionState(intersectionId, intValue(id.get("region"), 0), intValue(ix.get("revision"), 0),
                status, states);
    }

    private static MovementEvent event(JsonNode event, long receivedAtMs, Layout layout) {
        SignalPhase phase = phase(event.get("eventState"));
        JsonNode timing = event.get("timing");
        return new MovementEvent(phase,
                time(field(timing, "minEndTimeStamp", "minEndTime"), receivedAtMs, layout),
                time(field(timing, "maxEndTimeStamp", "maxEndTime"), receivedAtMs, layout),
                time(field(timing, "likelyTimeStamp", "likelyTime"), receivedAtMs, layout));
    }

    private static SignalPhase phase(JsonNode n) {
        if (n == null || n.isNull()) {
            throw new Invalid(RejectReason.MALFORMED, "eventState missing");
        }
        if (n.isIntegralNumber()) {
            int code = n.intValue();
            if (code < 0 || code >= PHASES.length) {
                throw new Invalid(RejectReason.OUT_OF_RANGE, "eventState outside 0..9");
            }
            return PHASES[code];
        }
        String name = TreeMessages.text(n);
        if (name != null) {
            // "protected-Movement-Allowed" (v9) and "PROTECTED_MOVEMENT_ALLOWED" (v6/v8) name the same phase
            String key = name.replace('-', '_').toUpperCase(Locale.ROOT);
            for (SignalPhase phase : PHASES) {
                if (phase.name().equals(key)) {
                    return phase;
                }
            }
        }
        throw new Invalid(RejectReason.MALFORMED, "eventState unknown: " + TreeMessages.abbreviate(n));
    }

    private static long time(JsonNode n, long receivedAtMs, Layout layout) {
        long v = TreeMessages.longValue(n, -1);
        if (v == -1) {
            return Spat.TIME_UNKNOWN;
        }
        if (layout == Layout.VCC) {
            return v == EventTime.TIME_MARK_UNKNOWN_FROM || v == EventTime.TIME_MARK_UNKNOWN_FROM + 1
                    ? Spat.TIME_UNKNOWN : v;
        }
        if (v < 0 || v > EventTime.TIME_MARK_MAX) {
            throw new Invalid(RejectReason.OUT_OF_RANGE, "TimeMark outside 0..36111");
        }
        return EventTime.fromTimeMark((int) v, receivedAtMs);
    }
}
