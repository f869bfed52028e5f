package org.trafficsafety.analysis;

import java.util.ArrayList;
import java.util.List;
import org.trafficsafety.message.Message;

/** Keeps everything an engine emitted, in order. */
final class RecordingListener implements AnalysisListener {

    final List<Object> all = new ArrayList<>();
    final List<SafetyIndexRow> rows = new ArrayList<>();
    final List<ConflictEvent> events = new ArrayList<>();
    final List<Message> late = new ArrayList<>();

    @Override
    public void onConflict(ConflictEvent event) {
        events.add(event);
        all.add(event);
    }

    @Override
    public void onMinute(SafetyIndexRow row) {
        rows.add(row);
        all.add(row);
    }

    @Override
    public void onLate(Message message) {
        late.add(message);
        all.add(message);
    }
}
