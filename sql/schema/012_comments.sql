-- The comments on every table and column were first stored by this migration; they are now kept in
-- sql/catalogue/comments.sql and applied after every migration that runs (a rebuilt table, 013,
-- would otherwise lose them).
SELECT 1;
