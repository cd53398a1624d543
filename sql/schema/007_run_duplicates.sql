-- Inputs a run skipped because they held the same bytes as a document staged before them.
ALTER TABLE runs ADD COLUMN IF NOT EXISTS n_duplicates INTEGER;
