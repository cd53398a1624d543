-- Runs left `running` by a process that died (the caller holds the run lock: none is live).
UPDATE runs SET status = 'interrupted' WHERE status = 'running';
