-- A run still marked running when a new one starts was killed: DuckDB lets one process write at a time.
UPDATE runs SET status = 'interrupted' WHERE status = 'running';
