-- The rows of one table ({table}: a name from transforms/schema.py, never user input).
SELECT count(*) FROM {table};
