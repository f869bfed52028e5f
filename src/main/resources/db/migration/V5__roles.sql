-- Least-privilege roles (cluster-wide, so created only when missing): tsi_writer for the collector and jobs,
-- tsi_reader for the API. The migration owner keeps DDL (partitions); login users are granted one of these.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tsi_writer') THEN
        CREATE ROLE tsi_writer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tsi_reader') THEN
        CREATE ROLE tsi_reader NOLOGIN;
    END IF;
END
$$;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO tsi_writer, tsi_reader;

GRANT SELECT ON ALL TABLES IN SCHEMA public TO tsi_reader;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tsi_writer;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO tsi_writer;
REVOKE INSERT, UPDATE, DELETE ON flyway_schema_history FROM tsi_writer;

-- partitions and tables created later by the owner inherit the same grants
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO tsi_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tsi_writer;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO tsi_writer;
