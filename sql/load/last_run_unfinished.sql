-- Must this run refresh the derived tables even if it loads nothing? Yes when the last run before
-- it ended without completing (failed, or killed and now interrupted), or when documents were
-- loaded before the derived tables existed (a warehouse of an earlier version: no story signature).
SELECT coalesce((SELECT status NOT LIKE 'completed%' FROM runs ORDER BY started_at DESC LIMIT 1), false)
       OR EXISTS (SELECT 1 FROM documents AS d WHERE NOT EXISTS (SELECT 1 FROM story_signatures AS s
                                                                WHERE s.doc_id = d.doc_id));
