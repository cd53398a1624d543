-- Signatures of bodies no longer in the warehouse as signed (the document is gone or was loaded again).
DELETE FROM story_signatures
WHERE NOT EXISTS (SELECT 1 FROM documents AS d
                  WHERE d.doc_id = story_signatures.doc_id AND d.run_id = story_signatures.run_id);
