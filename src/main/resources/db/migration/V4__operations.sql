-- Operational tables: data-quality log, job-run log, ShedLock's lock table.
CREATE TABLE data_quality_log (
    id              bigserial PRIMARY KEY,
    "timestamp"     timestamptz NOT NULL DEFAULT now(),
    intersection_id integer,
    issue_type      text NOT NULL CHECK (length(issue_type) > 0),
    severity        text NOT NULL CHECK (severity IN ('info', 'warning', 'error', 'critical')),
    message         text NOT NULL,
    metadata        jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(metadata) = 'object')
);
CREATE INDEX data_quality_log_timestamp ON data_quality_log ("timestamp");
CREATE INDEX data_quality_log_intersection ON data_quality_log (intersection_id, "timestamp");

CREATE TABLE job_runs (
    id           bigserial PRIMARY KEY,
    job_name     text NOT NULL,
    period_start timestamptz,
    period_end   timestamptz,
    started_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    status       text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'skipped')),
    rows_touched bigint NOT NULL DEFAULT 0 CHECK (rows_touched >= 0),
    message      text,
    instance     text,
    CONSTRAINT job_runs_finish_after_start CHECK (finished_at IS NULL OR finished_at >= started_at),
    CONSTRAINT job_runs_period_order CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start)
);
CREATE INDEX job_runs_name_started ON job_runs (job_name, started_at DESC);

CREATE TABLE shedlock (
    name       varchar(64) PRIMARY KEY,
    lock_until timestamp NOT NULL,
    locked_at  timestamp NOT NULL,
    locked_by  varchar(255) NOT NULL
);
