package org.trafficsafety.store.db;

import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;

/**
 * Records scheduled work in {@code job_runs}: a row when a run starts ("running"), completed with the outcome,
 * rows touched and a one-line message. A run that never finishes (the instance died) stays "running".
 */
public final class JobRunLog {

    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcClient jdbc;

    public JobRunLog(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Inserts a "running" row and returns its id. */
    public long start(String jobName) {
        return jdbc.sql("INSERT INTO job_runs (job_name, status, instance) VALUES (?, 'running', ?) RETURNING id")
                .params(jobName, INSTANCE).query(Long.class).single();
    }

    public void succeed(long runId, long rowsTouched, String message) {
        finish(runId, "succeeded", rowsTouched, message);
    }

    public void fail(long runId, String message) {
        finish(runId, "failed", 0, message);
    }

    private void finish(long runId, String status, long rowsTouched, String message) {
        jdbc.sql("""
                UPDATE job_runs SET status = ?, rows_touched = ?, message = ?, finished_at = greatest(now(), started_at)
                WHERE id = ?
                """).params(status, rowsTouched, message, runId).update();
    }
}
