-- Which migrations have been applied, and with which DuckDB (a 2.x file cannot be opened by 1.x).
CREATE TABLE IF NOT EXISTS schema_migrations (
    version         VARCHAR PRIMARY KEY,
    applied_at      TIMESTAMPTZ NOT NULL,
    duckdb_version  VARCHAR NOT NULL
);
