-- Relearn the warehouse's chrome, once per run, from the lines the flow judged chrome
-- (transforms.boilerplate.repeated_chrome): learned_chrome holds scope, line and n_documents.
DELETE FROM learned_boilerplate;
INSERT INTO learned_boilerplate
SELECT scope, line, n_documents, now() AS updated_at FROM learned_chrome;
