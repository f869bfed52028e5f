package org.trafficsafety.analysis;

import org.trafficsafety.message.Message;

/** Receives the analysis output: conflict events as their encounters close, index rows as minutes close. */
public interface AnalysisListener {

    void onConflict(ConflictEvent event);

    /** A minute of one intersection closed (its event-time watermark passed the minute's end plus the lateness). */
    void onMinute(SafetyIndexRow row);

    /** A message arrived after its minute closed; it is not analyzed (it stays in the raw archive for reprocessing). */
    void onLate(Message message);
}
