package org.trafficsafety.pipeline;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.SafetyIndexRow;
import org.trafficsafety.store.db.ConflictEventWriter;
import org.trafficsafety.store.db.IndexRowWriter;
import org.trafficsafety.store.db.IntersectionWriter;
import org.trafficsafety.store.db.IntersectionWriter.RegisteredIntersection;

/** The PostgreSQL sinks: index rows and conflict events through the COPY-and-upsert writers, and new intersections. */
final class DatabaseSinks {

    private DatabaseSinks() {
    }

    /** Data exceptions (22) and integrity violations (23) will fail again on retry; anything else may pass later. */
    static boolean isPermanent(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    static final class IndexRows implements Sink<List<SafetyIndexRow>> {
        private final IndexRowWriter writer;
        private final PipelineMetrics metrics;
        private final Clock clock;

        IndexRows(IndexRowWriter writer, PipelineMetrics metrics, Clock clock) {
            this.writer = writer;
            this.metrics = metrics;
            this.clock = clock;
        }

        @Override
        public String name() {
            return "postgres-indices";
        }

        @Override
        public void write(List<SafetyIndexRow> rows) throws SQLException, RejectedBatchException {
            try {
                writer.write(rows);
            } catch (SQLException e) {
                if (isPermanent(e)) {
                    throw new RejectedBatchException("safety_indices_realtime refused " + rows.size() + " rows: " + e.getMessage(), e);
                }
                throw e;
            }
            long now = clock.millis();
            for (SafetyIndexRow row : rows) {
                metrics.committed(row.minuteStartMs(), now);
            }
        }
    }

    static final class ConflictEvents implements Sink<List<ConflictEvent>> {
        private final ConflictEventWriter writer;

        ConflictEvents(ConflictEventWriter writer) {
            this.writer = writer;
        }

        @Override
        public String name() {
            return "postgres-conflicts";
        }

        @Override
        public void write(List<ConflictEvent> events) throws SQLException, RejectedBatchException {
            try {
                writer.write(events);
            } catch (SQLException e) {
                if (isPermanent(e)) {
                    throw new RejectedBatchException("conflict_events refused " + events.size() + " events: " + e.getMessage(), e);
                }
                throw e;
            }
        }
    }

    static final class Intersections implements Sink<List<RegisteredIntersection>> {
        private final IntersectionWriter writer;

        Intersections(IntersectionWriter writer) {
            this.writer = writer;
        }

        @Override
        public String name() {
            return "postgres-intersections";
        }

        @Override
        public void write(List<RegisteredIntersection> intersections) throws SQLException, RejectedBatchException {
            try {
                writer.register(intersections);
            } catch (SQLException e) {
                if (isPermanent(e)) {
                    throw new RejectedBatchException("intersections refused " + intersections.size() + " rows: " + e.getMessage(), e);
                }
                throw e;
            }
        }
    }
}
